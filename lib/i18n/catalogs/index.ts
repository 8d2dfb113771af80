import { api } from "./api";
import { auditLog } from "./audit-log";
import { auth } from "./auth";
import { chat } from "./chat";
import { chatSessions } from "./chat-sessions";
import { common } from "./common";
import { listEngine } from "./list-engine";
import { messages } from "./messages";
import { overview } from "./overview";
import { relativeTime } from "./relative-time";
import { resources } from "./resources";
import { sessionForm } from "./session-form";
import { settings } from "./settings";
import { shell } from "./shell";
import { shortcuts } from "./shortcuts";
import { team } from "./team";
import { triage } from "./triage";
import { userForm } from "./user-form";

// Every feature's catalog is registered here once; `Namespace` is derived from it.
export const catalogs = { api, auditLog, auth, chat, chatSessions, common, listEngine, messages, overview, relativeTime, resources, sessionForm, settings, shell, shortcuts, team, triage, userForm };
export type Namespace = keyof typeof catalogs;
export type CatalogOf<N extends Namespace> = (typeof catalogs)[N]["ar"];
