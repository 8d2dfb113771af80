// What a user's links to the history allow; no database here, so the delete button shares it.

/**
 * What ties a user to the marketplace's history. A participant's (sessions, messages sent,
 * products, orders) fixes their role and refuses their deletion; a staff member's messages
 * written in participants' names, or marked read for them, refuse their deletion only (the panel
 * keeps naming who wrote them, and who marked them read).
 */
export type UserLinks = { sessions: number; messages: number; products: number; orders: number; writtenForParticipants: number; markedRead: number };

/** A participant's history: their role is fixed. */
export const isLinked = (links: UserLinks) => links.sessions + links.messages + links.products + links.orders > 0;

/** Anything that names the user in the history: they cannot be deleted. */
export const blocksDeletion = (links: UserLinks) => isLinked(links) || links.writtenForParticipants > 0 || links.markedRead > 0;
