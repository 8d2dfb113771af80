/**
 * What `work` resolves to if it does so within `ms`, else "late" (the work itself runs on either
 * way). Within 0 ms is "late" at once: the caller has moved on, so a later failure of the work is
 * not left unhandled.
 */
export async function answerWithin<T>(work: Promise<T>, ms: number): Promise<T | "late"> {
  if (ms <= 0) {
    work.catch(() => undefined);
    return "late";
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
