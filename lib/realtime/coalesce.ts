/**
 * Runs `run` at most once per `intervalMs`, however often it is asked: the first ask runs at once
 * (or as soon as the interval since the last run allows), later asks within the wait fold into
 * that one run. A burst of 1,000 events is one or two runs, not 1,000.
 */
export function coalesce(run: () => void, intervalMs: number, clock: () => number = Date.now): { ask: () => void; cancel: () => void } {
  let lastRun = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    ask() {
      if (timer) return;
      const wait = Math.max(0, lastRun + intervalMs - clock());
      timer = setTimeout(() => {
        timer = undefined;
        lastRun = clock();
        run();
      }, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
