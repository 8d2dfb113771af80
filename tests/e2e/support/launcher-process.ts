import type { ChildProcess } from "node:child_process";

/**
 * Ties `npm start`'s launcher (spawned detached, in a process group of its own) to this server
 * script's life: when Playwright stops this script, or the launcher exits, the whole group is
 * stopped, then `cleanUp` runs (a database dropped, a folder removed), then this script exits.
 */
export function stopTogether(launcher: ChildProcess, cleanUp: () => Promise<void> | void): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (launcher.pid && launcher.exitCode === null) {
      process.kill(-launcher.pid, "SIGTERM");
      await new Promise((resolve) => launcher.once("exit", resolve));
    }
    await cleanUp();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  launcher.on("exit", () => void stop());
}
