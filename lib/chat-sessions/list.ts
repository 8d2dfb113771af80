import { defineList } from "@/lib/list-engine/declaration";
import type { ListFilters, ListState } from "@/lib/list-engine/url-state";
import { NOT_WAITING, type AwaitingSide } from "./waiting";

// The chat sessions list (LIST-1), declared on the list engine: columns (COL-1..8) for the screen
// and the export (BULK-3), sorts (SORT-1..2), search (SEARCH-1), filters (FLT-1..5 and REL-2's
// order; issue 19's awaiting side and waiting time), row actions (ROW-1..4) and bulk actions (BULK-1..3). Its SQL is in list-source.ts.

export type SessionRow = {
  id: number;
  productId: number;
  productName: string;
  customerId: number;
  customerName: string;
  vendorId: number;
  vendorName: string;
  orderId: number | null;
  messageCount: number;
  unreadCount: number;
  lastMessageAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** triage queues (issue 19): the side that owes the reply, since when */
  awaiting: AwaitingSide;
  awaitingSince: Date | null;
  /** the agent holding it in triage mode now, if one is */
  heldBy: string | null;
  /** the staff member working the session (issue 20); null: nobody */
  assigneeId: number | null;
  assigneeName: string | null;
};

const AWAITING_WORDS = { vendor: "awaitingVendor", customer: "awaitingCustomer", none: "awaitingNone" } as const;

export const sessionsList = defineList({
  path: "/chat-sessions",
  permission: "chatSessions.view",
  exportPermission: "chatSessions.export",
  auditTarget: "chatSession",
  words: "chatSessions",
  columns: [
    { key: "id", header: "colId", kind: "number", value: (row: SessionRow) => row.id, width: 10, exportOnly: true },
    { key: "product", header: "colProduct", kind: "link", value: (row: SessionRow) => row.productName, sort: "product", width: 40 },
    { key: "customer", header: "colCustomer", kind: "link", value: (row: SessionRow) => row.customerName, sort: "customer", width: 25 },
    { key: "vendor", header: "colVendor", kind: "link", value: (row: SessionRow) => row.vendorName, sort: "vendor", width: 25 },
    { key: "messages", header: "colMessages", kind: "badge", value: (row: SessionRow) => row.messageCount, sort: "messages", width: 12 },
    { key: "unread", header: "colUnread", kind: "badge", value: (row: SessionRow) => row.unreadCount, width: 12 },
    { key: "lastMessage", header: "colLastMessage", kind: "relativeTime", value: (row: SessionRow) => row.lastMessageAt, sort: "lastMessage", width: 22 },
    { key: "createdAt", header: "colCreatedAt", kind: "date", value: (row: SessionRow) => row.createdAt, sort: "created", toggleable: true, width: 22 },
    { key: "updatedAt", header: "colUpdatedAt", kind: "date", value: (row: SessionRow) => row.updatedAt, sort: "updated", toggleable: true, width: 22 },
    // Issues 19 and 20: after the columns above, so existing exports keep their column positions;
    // shown until hidden, so that a list with every column on still fits at 1024 px.
    { key: "waiting", header: "colWaiting", kind: "relativeTime", value: (row: SessionRow) => row.awaitingSince, sort: "waiting", toggleable: true, shownByDefault: true, width: 22 },
    { key: "awaiting", header: "colAwaiting", kind: "text", value: (row: SessionRow) => row.awaiting, labels: AWAITING_WORDS, exportOnly: true, width: 16 },
    { key: "assignee", header: "colAssignee", kind: "text", value: (row: SessionRow) => row.assigneeName, toggleable: true, shownByDefault: true, width: 20 },
  ],
  sorts: {
    product: { type: "text", read: (row: SessionRow) => row.productName },
    customer: { type: "text", read: (row: SessionRow) => row.customerName },
    vendor: { type: "text", read: (row: SessionRow) => row.vendorName },
    messages: { type: "int", read: (row: SessionRow) => row.messageCount },
    lastMessage: { type: "timestamptz", read: (row: SessionRow) => row.lastMessageAt.toISOString() },
    created: { type: "timestamptz", read: (row: SessionRow) => row.createdAt.toISOString() },
    updated: { type: "timestamptz", read: (row: SessionRow) => row.updatedAt.toISOString() },
    /** ascending: longest waiting first, then the sessions nobody owes a reply */
    waiting: { type: "timestamptz", read: (row: SessionRow) => row.awaitingSince?.toISOString() ?? NOT_WAITING },
  },
  defaultSort: "lastMessage",
  defaultDir: "desc",
  filters: {
    customer: { kind: "entity", entity: "customer" },
    vendor: { kind: "entity", entity: "vendor" },
    product: { kind: "entity", entity: "product" },
    order: { kind: "entity", entity: "order" },
    unread: { kind: "toggle" },
    recent: { kind: "toggle" },
    awaiting: { kind: "choice", options: ["vendor", "customer"] },
    /** waiting longer than the admin's amber or red threshold */
    waitingOver: { kind: "choice", options: ["amber", "red"] },
    assignee: { kind: "assignee" },
  },
  rowActions: [
    { key: "view", permission: "chatSessions.view", label: "actionView" },
    { key: "edit", permission: "chatSessions.edit", label: "actionEdit" },
    { key: "assign", permission: "chatSessions.assign", label: "actionTake" },
    { key: "delete", permission: "chatSessions.delete", label: "actionDelete", confirm: { title: "deleteTitle", body: "deleteBody" } },
  ],
  bulkActions: [
    { key: "markRead", permission: "messages.markRead", label: "bulkMarkRead" },
    { key: "assign", permission: "chatSessions.assign", label: "bulkAssign" },
    { key: "export", permission: "chatSessions.export", label: "bulkExportCsv" },
    { key: "delete", permission: "chatSessions.delete", label: "bulkDelete", confirm: { title: "bulkDeleteTitle", body: "bulkDeleteBody" } },
  ],
  columnsCookie: "chatSessionColumns",
});

type Filters = typeof sessionsList.filters;
/** The list's state in the URL (lib/list-engine/url-state.ts), and its search and filters: what "all matching" acts on. */
export type SessionsListState = ListState<keyof typeof sessionsList.sorts & string, Filters>;
export type SessionFilters = ListFilters<Filters>;
/** The filters that name a row of another table (FLT-1..3, and REL-2's order): a scope on that row's page. */
export type EntityFilterKey = { [K in keyof Filters]: Filters[K] extends { kind: "entity" } ? K : never }[keyof Filters];
