"use client";
import { ResourceForm } from "@/components/resource/resource-form";
import type { Role } from "@/lib/generated/prisma/enums";
import { useT, useUncheckedT } from "@/lib/i18n/client";
import { ROLES, roleLabelKey } from "@/lib/roles";
import { createUserAction, updateUserAction } from "@/lib/users/actions";
import { userFormSchema, type UserFormValues } from "@/lib/users/user-schema";

type Props =
  | { mode: "create"; user?: undefined; roleLocked?: undefined }
  | { mode: "edit"; user: { id: number; name: string; email: string; role: Role }; roleLocked: boolean };

/** REL-1: a user's name, e-mail, role and password (set on create, reset on edit). */
export function UserForm({ mode, user, roleLocked }: Props) {
  const t = useT("userForm");
  const words = useUncheckedT("userForm");
  const shell = useT("shell");
  // A locked role is offered alone: the server refuses to change it anyway.
  const roles = roleLocked && user ? [user.role] : ROLES;
  const submit = (values: UserFormValues) => (user ? updateUserAction({ ...values, id: user.id }) : createUserAction(values));
  return (
    <ResourceForm<UserFormValues>
      title={t("detailsTitle")}
      schema={userFormSchema(mode)}
      defaultValues={user ? { name: user.name, email: user.email, role: user.role, password: "" } : { name: "", email: "", role: "customer", password: "" }}
      submit={submit}
      words={words}
      labels={{ submit: mode === "create" ? t("create") : t("save"), saving: t("saving"), cancel: t("cancel"), done: mode === "create" ? t("created") : t("saved") }}
      returnTo={user ? `/users/${user.id}` : "/users"}
      fields={[
        { name: "name", label: t("name"), kind: "text", autoComplete: "off" },
        { name: "email", label: t("email"), kind: "email", autoComplete: "off" },
        { name: "role", label: t("role"), kind: "select", options: roles.map((role) => ({ value: role, label: shell(roleLabelKey(role)) })), hint: roleLocked ? t("roleLockedHint") : undefined },
        {
          name: "password",
          label: mode === "create" ? t("password") : t("newPassword"),
          kind: "password",
          autoComplete: "new-password",
          hint: mode === "create" ? t("passwordHint") : t("newPasswordHint"),
        },
      ]}
    />
  );
}
