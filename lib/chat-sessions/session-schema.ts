import { z } from "zod";
import { MAX_ID, idSchema } from "@/lib/id-schema";

// One schema for the create/edit form (react-hook-form's resolver) and the server actions.
// Messages are keys of the `sessionForm` catalog.
const entityId = (required: string) => idSchema({ error: required });

const sessionFields = z.object({
  productId: entityId("productRequired"),
  customerId: entityId("customerRequired"),
  vendorId: entityId("vendorRequired"),
  /** REL-2: the order the conversation is about, if any; it must be between the same two people. */
  orderId: idSchema({ error: "orderInvalid" }).nullable().default(null),
  /** FORM-4, an ISO 8601 instant: the form turns the picker's local time into one. */
  lastMessageAt: z.iso
    .datetime({ offset: true, error: "dateInvalid" })
    .refine((value) => {
      const year = new Date(value).getUTCFullYear();
      return year >= 2000 && year <= 2100;
    }, { error: "dateOutOfRange" }),
});

const differentParticipants = (value: { customerId: number; vendorId: number }) => value.customerId !== value.vendorId;
const differentParticipantsIssue = { error: "sameParticipant", path: ["vendorId"] };

/** What the form itself validates: the fields every variant shares. */
export const sessionFormSchema = sessionFields.refine(differentParticipants, differentParticipantsIssue);
export type SessionFormValues = z.input<typeof sessionFormSchema>;

export const createSessionSchema = sessionFields
  .extend({ allowDuplicate: z.boolean().default(false) })
  .refine(differentParticipants, differentParticipantsIssue);

export const updateSessionSchema = sessionFields
  .extend({
    id: idSchema(),
    /** the session's updated_at when the form was opened: a later save by someone else is a conflict */
    expectedUpdatedAt: z.iso.datetime({ offset: true }),
    /**
     * the last-message time the form was opened with: left as it was, the database's value is kept
     * (a message sent meanwhile moves it forward, and a save must not move it back)
     */
    openedLastMessageAt: z.iso.datetime({ offset: true }),
    /**
     * how many messages the admin confirmed handing to a new customer or vendor: a session that
     * has messages changes hands only when this is its message count at the time of the save
     */
    confirmedMessages: z.number().int().min(0).max(MAX_ID).nullable().default(null),
  })
  .refine(differentParticipants, differentParticipantsIssue);

export type CreateSessionInput = z.input<typeof createSessionSchema>;
export type UpdateSessionInput = z.input<typeof updateSessionSchema>;
