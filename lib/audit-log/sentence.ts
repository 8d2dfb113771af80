import { catalogs } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/config";
import { makeTranslate } from "@/lib/i18n/translate";
import { ROLES, roleLabelKey } from "@/lib/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export type AuditEntry = { action: string; targetType: string; targetId: string | null; details: unknown };
/** The entry as a sentence; `{target}` in `text` (at most once) is where the linked target goes. */
export type AuditSentence = { text: string; target: { label: string; href: string } | null };

type Details = Record<string, unknown>;
const record = (value: unknown): Details => (value && typeof value === "object" && !Array.isArray(value) ? (value as Details) : {});
const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const FORMATS: Record<string, string> = { csv: "CSV", xlsx: "Excel" };
const RESOURCES = ["users", "products", "orders", "audit"] as const;

/**
 * Who-did-what as a sentence in the UI language, with the target as a link ("exported 393
 * sessions as CSV (all matching: search “tea”)"); the actor is shown beside it. Unknown actions
 * and odd details still read, never as raw JSON (that stays one click away in the cell).
 */
export function describeAuditEntry(entry: AuditEntry, locale: Locale): AuditSentence {
  const sentence = sentenceOf(entry, locale);
  // A target with nowhere to link (no id recorded) is still named, as text.
  if (sentence.target === null && sentence.text.includes("{target}")) return { text: sentence.text.replace("{target}", `${entry.targetType}${entry.targetId ? ` #${entry.targetId}` : ""}`), target: null };
  return sentence;
}

function sentenceOf(entry: AuditEntry, locale: Locale): AuditSentence {
  const t = makeTranslate(locale, catalogs.auditLog[locale]);
  const shell = makeTranslate(locale, catalogs.shell[locale]);
  const details = record(entry.details);
  const id = entry.targetId;
  const format = FORMATS[String(details.format)] ?? String(details.format ?? "");
  const messages = t("messagesCount", { count: count(details.messages) });
  const session = (sessionId: unknown): AuditSentence["target"] => (sessionId == null ? null : { label: t("sessionTarget", { id: String(sessionId) }), href: `/chat-sessions/${sessionId}/edit` });
  const user = (userId: string | null): AuditSentence["target"] => (userId == null ? null : { label: t("userTarget", { id: userId }), href: `/users/${userId}` });
  const role = (value: unknown) => ((ROLES as readonly unknown[]).includes(value) ? shell(roleLabelKey(value as Role)) : String(value ?? "—"));
  const sessionSelection = (selection: unknown): string => {
    const chosen = record(selection);
    if (Array.isArray(chosen.ids)) return t("selectedSessions", { count: chosen.ids.length });
    const filters = record(chosen.filters);
    const parts = [
      typeof filters.q === "string" && filters.q ? t("filterSearch", { q: filters.q }) : null,
      filters.unread ? t("filterUnread") : null,
      filters.recent ? t("filterRecent") : null,
      filters.customer != null || filters.vendor != null ? t("filterPerson") : null,
      filters.product != null ? t("filterProduct") : null,
      filters.order != null ? t("filterOrder") : null,
    ].filter((part): part is string => part !== null);
    return parts.length ? `${t("allMatching")}: ${parts.join(t("filterSeparator"))}` : t("noFilter");
  };
  const interrupted = details.completed === false ? t("exportInterrupted") : "";

  switch (entry.action) {
    case "chatSessions.create":
      return { text: t(details.duplicate ? "createdDuplicate" : "created"), target: session(id) };
    case "chatSessions.update":
      return { text: t("updated"), target: session(id) };
    case "chatSessions.reassign":
      return { text: t("reassigned"), target: session(id) };
    case "chatSessions.delete":
      // One session deleted keeps its id (no page to link to: it is gone); many are counted.
      return count(details.sessions) === 1 && id ? { text: t("sessionDeleted", { messages, target: t("sessionTarget", { id }) }), target: null } : { text: t("sessionsDeleted", { count: count(details.sessions), messages }), target: null };
    case "chatSessions.markRead":
      return { text: t("sessionsMarkedRead", { messages, selection: sessionSelection(details.selection) }), target: null };
    case "chatSessions.assign":
      return { text: t("sessionsAssigned", { count: count(details.sessions), assignee: String(details.assigneeId ?? "—") }), target: session(id) };
    case "chatSessions.unassign":
      return { text: t("sessionsReleased", { count: count(details.sessions) }), target: session(id) };
    case "chatSessions.undo":
      return { text: t("undone", { changed: count(details.changed) }), target: session(id) };
    case "notes.add":
    case "notes.edit":
    case "notes.delete":
      return { text: t(entry.action === "notes.add" ? "noteAdded" : entry.action === "notes.edit" ? "noteEdited" : "noteDeleted", { target: "{target}" }), target: session(details.sessionId) };
    case "chatSessions.export":
      return { text: t("sessionsExported", { count: count(details.rows), format, selection: sessionSelection(details.selection) }) + interrupted, target: null };
    case "chatSessions.exportTranscript":
      return { text: t("transcriptExported", { count: count(details.rows), format, selection: sessionSelection(details.selection) }) + interrupted, target: null };
    case "messages.add": {
      const side = details.onBehalfOf === "customer" ? t("sideCustomer") : details.onBehalfOf === "vendor" ? t("sideVendor") : null;
      const text = side ? t("messageAddedOnBehalf", { session: String(details.sessionId), side }) : t("messageAdded", { session: String(details.sessionId) });
      return { text, target: details.sessionId == null ? null : { label: t("messageTarget", { id: id ?? "" }), href: `/chat-sessions/${details.sessionId}/edit#messages` } };
    }
    case "messages.markRead":
      return { text: t("messagesMarkedRead", { messages }), target: session(id) };
    case "messages.delete":
      return { text: t("messageDeleted", { session: String(details.sessionId), target: t("messageTarget", { id: id ?? "" }) }), target: null };
    case "settings.mobileChat":
      return { text: t(details.enabled ? "chatTurnedOn" : "chatTurnedOff"), target: { label: t("settingTarget"), href: "/settings" } };
    case "settings.waitingThresholds":
      return { text: t("waitingThresholdsSet", { amber: count(details.amberMinutes), red: count(details.redMinutes) }), target: null };
    case "users.create":
      return { text: t("userCreated", { role: role(details.role) }), target: user(id) };
    case "users.update":
      return { text: t(details.passwordReset ? "userUpdatedWithPassword" : "userUpdated", { role: role(details.role) }), target: user(id) };
    case "users.delete":
      return { text: t("userDeleted", { target: t("userTarget", { id: id ?? "" }) }), target: null };
    case "resources.export": {
      const resource = (RESOURCES as readonly string[]).includes(entry.targetType) ? t(`resource_${entry.targetType as (typeof RESOURCES)[number]}`) : entry.targetType;
      const filter = (typeof details.filter === "string" && details.filter ? t("listFilter", { filter: details.filter }) : "") + (typeof details.q === "string" && details.q ? t("listSearch", { q: details.q }) : "");
      return { text: t("rowsExported", { count: count(details.rows), resource, format, filter }) + interrupted, target: null };
    }
    default:
      return { text: t("unknownEntry", { action: entry.action, target: `${entry.targetType}${id ? ` #${id}` : ""}` }), target: null };
  }
}
