import { z } from "zod";
import { ROLES } from "@/lib/roles";
import { idSchema } from "@/lib/id-schema";

// One schema for the user form (react-hook-form's resolver) and the server actions.
// Messages are keys of the `userForm` catalog.
const PASSWORD_MIN = 12;

/** A new user needs a password; an edited one keeps theirs when the field is left empty. */
const password = (required: boolean) =>
  z
    .string({ error: "passwordTooShort" })
    .max(200, { error: "passwordTooLong" })
    .refine((value) => value.length >= PASSWORD_MIN || (!required && value === ""), { error: "passwordTooShort" });

/** What the form validates, and (below) what the actions parse. */
export const userFormSchema = (mode: "create" | "edit") =>
  z.object({
    // NUL is dropped (PostgreSQL text cannot hold it), then the name is trimmed.
    name: z
      .string({ error: "nameRequired" })
      .overwrite((text) => text.replaceAll("\u0000", "").trim())
      .min(1, { error: "nameRequired" })
      .max(100, { error: "nameTooLong" }),
    email: z.string({ error: "emailInvalid" }).trim().toLowerCase().pipe(z.email({ error: "emailInvalid" }).max(254, { error: "emailInvalid" })),
    role: z.enum(ROLES, { error: "roleRequired" }),
    password: password(mode === "create"),
  });

export type UserFormValues = z.input<ReturnType<typeof userFormSchema>>;

export const createUserSchema = userFormSchema("create");
export const updateUserSchema = userFormSchema("edit").extend({ id: idSchema() });
export const deleteUserSchema = z.object({ id: idSchema() });
export const signOutEverywhereSchema = deleteUserSchema;
