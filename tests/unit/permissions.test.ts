import { describe, expect, it } from "vitest";
import { PERMISSIONS, can } from "@/lib/permissions";

describe("permission matrix", () => {
  it("admin may do everything staff may do; customers and vendors never enter the panel", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      if (permission.startsWith("chat.")) continue;
      expect(roles, permission).toContain("admin");
      expect(roles, permission).not.toContain("customer");
      expect(roles, permission).not.toContain("vendor");
    }
  });

  it("support reads, replies, marks read and exports but neither deletes nor changes settings", () => {
    expect(can("support", "chatSessions.view")).toBe(true);
    expect(can("support", "messages.reply")).toBe(true);
    expect(can("support", "messages.markRead")).toBe(true);
    expect(can("support", "chatSessions.export")).toBe(true);
    expect(can("support", "chatSessions.delete")).toBe(false);
    expect(can("support", "chatSessions.create")).toBe(false);
    expect(can("support", "settings.manage")).toBe(false);
  });

  it("qa creates and edits sessions and messages but neither deletes nor changes settings", () => {
    expect(can("qa", "chatSessions.create")).toBe(true);
    expect(can("qa", "chatSessions.edit")).toBe(true);
    expect(can("qa", "messages.reply")).toBe(true);
    expect(can("qa", "chatSessions.delete")).toBe(false);
    expect(can("qa", "messages.delete")).toBe(false);
    expect(can("qa", "settings.manage")).toBe(false);
    expect(can(null, "panel.enter")).toBe(false);
  });
});
