import { logger } from "./logger";
import { currentRequestId } from "./request-context";

/**
 * A failure nobody planned for (a bug, a broken query): logged as an error with the request's id,
 * so the line in the log can be found from the request that met it; the caller gets only `internal`.
 */
export function logUnexpected(error: unknown, what: string): void {
  logger().error({ err: error, reqId: currentRequestId() }, what);
}
