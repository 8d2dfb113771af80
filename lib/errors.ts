import type { CatalogOf, Namespace } from "@/lib/i18n/catalogs";

// The domain's one error vocabulary. A use case throws a DomainError: a code for programs and a
// catalog key for people. The adapters only map it: defineAction (server actions, the web chat)
// to an ActionResult, apiRoute (/api/v1) to a status and the API's JSON error; the client turns an
// action's error into words with one hook (components/ui/use-action-error.ts).

/** What went wrong, for programs. "unavailable" and "internal" are the server's failures. */
export type DomainErrorCode = "invalid" | "forbidden" | "chat_disabled" | "not_found" | "conflict" | "rate_limited" | "unavailable" | "internal";

// Where each error's sentence lives: the key names a string of that catalog (checked below).
const errorCatalog = checkedErrorCatalog({
  invalidInput: "common",
  forbidden: "common",
  databaseUnavailable: "common",
  errorBody: "common",
  goneMeanwhile: "common",
  userGone: "userForm",
  cannotDeleteSelf: "userForm",
  productNotFound: "chat",
  ownProduct: "chat",
  chatDisabled: "chat",
  sendingTooFast: "chat",
  sessionNotFound: "chatSessions",
  messageNotFound: "messages",
  sessionGone: "sessionForm",
  editConflict: "sessionForm",
  reassignAdminOnly: "sessionForm",
  viewNotFound: "chatSessions",
  viewOrderStale: "chatSessions",
  undoExpired: "team",
  noteGone: "team",
});

/** The sentence a user is shown for an error: a key of the catalog `catalogOfError` names. */
export type ErrorKey = keyof typeof errorCatalog;

export function catalogOfError(key: ErrorKey): Namespace {
  return errorCatalog[key];
}

export function isErrorKey(key: string): key is ErrorKey {
  return Object.hasOwn(errorCatalog, key);
}

type KeysInTheirCatalogs<T> = { [K in keyof T]: T[K] extends Namespace ? (K extends keyof CatalogOf<T[K]> ? T[K] : never) : never };

function checkedErrorCatalog<const T extends Record<string, Namespace>>(table: T & KeysInTheirCatalogs<T>): T {
  return table;
}

/**
 * Thrown by a use case for an outcome the user should be told about (not found, conflict…).
 * `fieldErrors` maps form fields to keys of the form's own catalog, as zod issues carry them.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly key: ErrorKey,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(key);
    this.name = "DomainError";
  }
}
