import "server-only";
import { dbPool } from "@/lib/db";
import { SharedSignInThrottle } from "./sign-in-throttle";

/** The app's sign-in throttle: in PostgreSQL, through the process's pool, shared by every instance. */
export const sharedSignInThrottle = new SharedSignInThrottle(dbPool);
