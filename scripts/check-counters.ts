// npm run check:counters [-- --fix] — reports any session whose counters differ from a fresh
// count of its messages (message and unread counts, unread per side, who owes the reply and since
// when), the overview's counts (issue 18) and the badge total against the true unread total;
// --fix recounts, 10,000 sessions a transaction.
import pg from "pg";
import { findCounterDrift, hasDrift, repairCounters } from "../lib/chat-sessions/counter-drift";

const fix = process.argv.includes("--fix");
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  const report = await findCounterDrift(client);
  if (!hasDrift(report)) {
    console.log(`Counters exact: badge total ${report.unreadTotal}.`);
  } else {
    console.log(`Badge total stored ${report.storedTotal}, true ${report.unreadTotal}.`);
    for (const s of report.sessions) {
      console.log(`session ${s.id}: messages ${s.storedMessages} → ${s.messages}, unread ${s.storedUnread} → ${s.unread}`);
    }
    const time = (at: Date | null) => at?.toISOString() ?? "—";
    for (const s of report.triage) {
      console.log(
        `session ${s.id}: unread for vendor ${s.storedForVendor} → ${s.forVendor}, for customer ${s.storedForCustomer} → ${s.forCustomer}, awaiting ${s.storedAwaiting} since ${time(s.storedSince)} → ${s.awaiting} since ${time(s.since)}`,
      );
    }
    for (const d of report.overview) console.log(`${d.table} ${d.key}: ${d.stored} → ${d.truth}`);
    if (fix) {
      // A slice of sessions per transaction (lib/chat-sessions/counter-drift.ts), with its progress.
      await repairCounters(client, undefined, (done, of) => console.log(`recounted ids ${done.toLocaleString("en")} of ${of.toLocaleString("en")}`));
      const after = await findCounterDrift(client);
      console.log(hasDrift(after) ? "Repair incomplete." : "Repaired.");
      process.exitCode = hasDrift(after) ? 1 : 0;
    } else {
      console.log("Run with --fix to recount.");
      process.exitCode = 1;
    }
  }
} finally {
  await client.end();
}
