import { auth } from "./auth";
import { chatSessions } from "./chat-sessions";
import { common } from "./common";
import { messages } from "./messages";
import { sessionForm } from "./session-form";
import { shell } from "./shell";

// Every feature's catalog is registered here once; `Namespace` is derived from it.
export const catalogs = { auth, chatSessions, common, messages, sessionForm, shell };
export type Namespace = keyof typeof catalogs;
export type CatalogOf<N extends Namespace> = (typeof catalogs)[N]["ar"];
