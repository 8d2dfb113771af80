import "server-only";
import { dbPool } from "@/lib/db";
import { countSignInFailure } from "@/lib/observability/metrics";
import { SharedSignInThrottle } from "./sign-in-throttle";

/** The app's sign-in throttle: in PostgreSQL, through the process's pool, shared by every instance; failures and locks counted. */
export const sharedSignInThrottle = new SharedSignInThrottle(dbPool, undefined, countSignInFailure);
