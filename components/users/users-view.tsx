"use client";
import { useCallback, useMemo, type ReactNode } from "react";
import { ListView, type ListViewState } from "@/components/list-engine/list-view";
import { useResourceText } from "@/components/list-engine/use-resource-text";
import { Badge } from "@/components/ui/badge";
import { usersList, type UserRow } from "@/lib/users/list";
import { SignOutSelectedButton } from "./sign-out-selected-button";

type Props = { view: ListViewState<UserRow, keyof typeof usersList.sorts, typeof usersList.filters>; columnsCookie: string; canExport: boolean; canSignOut: boolean; actions: ReactNode };

/** REL-1: the users, on the engine's screen, with the sessions and unread badges in their colours and, for admins, the bulk sign-out. */
export function UsersView({ canSignOut, ...props }: Props) {
  const { t, text } = useResourceText("users", "role_");
  const cells = useMemo(
    () => ({
      email: (row: UserRow) => <span dir="ltr">{row.email}</span>,
      sessions: (row: UserRow) => <Badge tone="blue">{row.sessions}</Badge>,
      unread: (row: UserRow) => <Badge tone={row.unread > 0 ? "yellow" : "green"}>{row.unread}</Badge>,
    }),
    [],
  );
  const openHref = useCallback((row: UserRow) => `/users/${row.id}`, []);
  return <ListView declaration={usersList} t={t} text={text} cells={cells} openHref={openHref} bulkActions={canSignOut ? (selected) => <SignOutSelectedButton {...selected} /> : undefined} {...props} />;
}
