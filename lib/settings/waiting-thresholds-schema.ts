import { z } from "zod";

// Issue 19's waiting thresholds: one schema for the settings form and its action. The messages are
// keys of the settings catalog.
const minutes = z.number({ message: "wholeMinutes" }).int("wholeMinutes").min(1, "wholeMinutes").max(525_600, "wholeMinutes");

/** Whole minutes (at most a year), red after amber. */
export const waitingThresholdsSchema = z
  .object({ amberMinutes: minutes, redMinutes: minutes })
  .strict()
  .refine((value) => value.redMinutes > value.amberMinutes, { path: ["redMinutes"], message: "redAfterAmber" });
