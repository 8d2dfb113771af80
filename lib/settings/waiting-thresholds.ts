import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_WAITING_THRESHOLDS, WAITING_THRESHOLDS_KEY, type WaitingThresholds } from "@/lib/chat-sessions/waiting";
import { publishEvent } from "@/lib/realtime/bus";
import { waitingThresholdsSchema } from "./waiting-thresholds-schema";

/** The admin's waiting thresholds (issue 19), or the defaults when none were saved or the saved value is not one. */
export async function getWaitingThresholds(): Promise<WaitingThresholds> {
  // Every sessions page reads it: the driver's own read, without Prisma's ~0.2 ms a query.
  const [setting] = await queryRows<{ value: unknown }>(Prisma.sql`SELECT value FROM settings WHERE key = ${WAITING_THRESHOLDS_KEY}`);
  const parsed = waitingThresholdsSchema.safeParse(setting?.value);
  return parsed.success ? parsed.data : DEFAULT_WAITING_THRESHOLDS;
}

export async function setWaitingThresholds(input: z.output<typeof waitingThresholdsSchema>, actorId: number): Promise<WaitingThresholds> {
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: WAITING_THRESHOLDS_KEY }, create: { key: WAITING_THRESHOLDS_KEY, value: input }, update: { value: input } });
    await audit(tx, { actorId, action: "settings.waitingThresholds", targetType: "setting", targetId: WAITING_THRESHOLDS_KEY, details: input });
  });
  await publishEvent({ type: "settings" });
  return input;
}
