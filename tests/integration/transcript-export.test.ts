import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actAs } from "../support/mock-current-user";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

// Issue 19's transcripts: the messages of the selected sessions, through the sessions export's route.

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));
const locale = vi.hoisted(() => ({ value: "en" as "ar" | "en" }));
vi.mock("@/lib/i18n/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/i18n/server")>()),
  getLocale: async () => locale.value,
}));
const { GET } = await import("@/app/(admin)/chat-sessions/transcript/route");

const decode = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
const transcriptUrl = (query: string) => new Request(`http://localhost/chat-sessions/transcript?${query}`);
let sessionIds: number[] = [];
let supportId = 0;

beforeAll(async () => {
  await resetDatabase();
  const sara = await createUser("support", "Sara");
  supportId = sara.id;
  const a = await createSessionFixture({ product: "Tea", customer: "Amal", vendor: "Shop" });
  const b = await createSessionFixture({ product: "Cups", customer: "Omar", vendor: "Store" });
  const t0 = Date.UTC(2026, 10, 1, 9);
  await db.chatMessage.createMany({
    data: [
      { sessionId: a.session.id, senderId: a.vendor.id, body: "second", createdAt: new Date(t0 + 60_000) },
      { sessionId: a.session.id, senderId: a.customer.id, body: "=HYPERLINK(\"x\")", createdAt: new Date(t0), readAt: new Date(t0 + 5_000), readByStaffId: sara.id },
      { sessionId: b.session.id, senderId: b.customer.id, body: "b, \"quoted\"\nline", createdAt: new Date(t0) },
    ],
  });
  // Issue 20: a staff note between the two messages, marked as a note in the transcript.
  await db.sessionNote.create({ data: { sessionId: a.session.id, authorId: sara.id, body: "refund promised", createdAt: new Date(t0 + 30_000) } });
  // 2,100 more messages in one session: past one page of the transcript's reading.
  await db.$executeRawUnsafe(`INSERT INTO chat_messages (session_id, sender_id, body, created_at) SELECT ${b.session.id}, ${b.vendor.id}, 'bulk ' || g, now() + g * interval '1 ms' FROM generate_series(1, 2100) g`);
  sessionIds = [a.session.id, b.session.id];
});

describe("transcript export (issue 19)", () => {
  it("writes the selected sessions' messages oldest first with staff notes marked as notes, formula-safe, with side and who marked them read, and audits it", async () => {
    actAs("support", supportId);
    const response = await GET(transcriptUrl(`format=csv&ids=${sessionIds.join(",")}&sort=product&dir=desc`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename="chat-transcripts-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await decode(response);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFFSession,Product,Customer,Vendor,Sender,Side,Sent at,Read at,Marked read by,Message");
    // Tea sorts after Cups, so descending puts Tea's session first; its messages oldest first.
    expect(lines[1]).toMatch(new RegExp(`^${sessionIds[0]},Tea,Amal,Shop,Amal,Customer,[^,]+,[^,]+,Sara,"'=HYPERLINK\\(""x""\\)"$`));
    expect(lines[2]).toMatch(new RegExp(`^${sessionIds[0]},Tea,Amal,Shop,Sara,Private note,[^,]+,,,refund promised$`));
    expect(lines[3]).toMatch(new RegExp(`^${sessionIds[0]},Tea,Amal,Shop,Shop,Vendor,[^,]+,,,second$`));
    expect(text).toContain(`${sessionIds[1]},Cups,Omar,Store,Omar,Customer,`);
    expect(text).toContain('"b, ""quoted""\nline"');
    expect(text.match(/,bulk \d+\r\n/g)).toHaveLength(2100);
    const audit = await db.auditLog.findFirst({ where: { action: "chatSessions.exportTranscript" }, orderBy: { id: "desc" } });
    expect(audit?.details).toMatchObject({ format: "csv", rows: 2104, completed: true });
  });

  it("writes XLSX with headers in Arabic, and refuses a role without export", async () => {
    locale.value = "ar";
    actAs("support", supportId);
    const response = await GET(transcriptUrl(`format=xlsx&ids=${sessionIds[0]}`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(10).value).toBe("نص الرسالة");
    expect(sheet.getRow(2).getCell(9).value).toBe("Sara");
    expect(sheet.getRow(2).getCell(7).value).toBeInstanceOf(Date);
    expect(sheet.getRow(3).getCell(6).value).toBe("ملاحظة خاصة");
    expect(sheet.rowCount).toBe(4);
    actAs("qa");
    expect((await GET(transcriptUrl(`format=csv&ids=${sessionIds[0]}`))).status).toBe(403);
  });
});
