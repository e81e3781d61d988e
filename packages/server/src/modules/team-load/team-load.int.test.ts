import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildTask } from "@openkam/db/testing/builders-activity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

interface LoadRow { userId: string; accountCount: number; allocationPct: number; overAllocated: boolean; keyAccountCount: number; openTasks: number; byTeamRole: unknown[]; accounts: Array<{ name: string; allocationPct: number }> }
const rowOf = (res: { json(): { items: LoadRow[] } }, userId: string) => res.json().items.find((i) => i.userId === userId);

describe("team load", () => {
  it("sums each member's allocations by team role, counts key accounts and open tasks, and flags over 100%", async () => {
    const director = await t.newUser(admin.orgId, "director");
    const busy = await t.newUser(admin.orgId, "account_manager");
    const idle = await t.newUser(admin.orgId, "member");
    const big = await buildAccount(t.db, admin.orgId, { name: "Big Strategic", tier: "strategic" });
    const mid = await buildAccount(t.db, admin.orgId, { name: "Mid Key", tier: "key" });
    const small = await buildAccount(t.db, admin.orgId, { name: "Small Standard", tier: "standard" });
    const gone = await buildAccount(t.db, admin.orgId, { name: "Deleted One", tier: "strategic", deletedAt: new Date() });
    await buildTeamMember(t.db, admin.orgId, big.id, busy.userId, { teamRole: "kam_lead", allocationPct: 60 });
    await buildTeamMember(t.db, admin.orgId, mid.id, busy.userId, { teamRole: "kam_lead", allocationPct: 30 });
    await buildTeamMember(t.db, admin.orgId, small.id, busy.userId, { teamRole: "sales", allocationPct: 20 });
    await buildTeamMember(t.db, admin.orgId, gone.id, busy.userId, { teamRole: "sales", allocationPct: 50 });
    await buildTask(t.db, admin.orgId, { title: "Open", assigneeUserId: busy.userId, status: "todo" });
    await buildTask(t.db, admin.orgId, { title: "Blocked", assigneeUserId: busy.userId, status: "blocked" });
    await buildTask(t.db, admin.orgId, { title: "Done", assigneeUserId: busy.userId, status: "done" });

    const res = await director.get("/api/team-load");
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].userId).toBe(busy.userId);
    expect(rowOf(res, busy.userId)).toMatchObject({
      accountCount: 3, allocationPct: 110, overAllocated: true, keyAccountCount: 2, openTasks: 2,
      byTeamRole: [{ teamRole: "kam_lead", accounts: 2, allocationPct: 90 }, { teamRole: "sales", accounts: 1, allocationPct: 20 }],
    });
    expect(rowOf(res, busy.userId)!.accounts.map((a) => a.name)).toEqual(["Big Strategic", "Mid Key", "Small Standard"]);
    expect(rowOf(res, idle.userId)).toMatchObject({ accountCount: 0, allocationPct: 0, overAllocated: false, openTasks: 0, accounts: [] });
    expect(res.json().overAllocatedCount).toBe(1);
  });

  it("is for directors and admins only, and never shows another organization's people", async () => {
    for (const role of ["account_manager", "member", "viewer"] as const) {
      const res = await (await t.newUser(admin.orgId, role)).get("/api/team-load");
      expect(res.statusCode, role).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    const other = await t.newOrgWithUser("admin");
    const theirs = await other.get("/api/team-load");
    expect(theirs.json().items.map((i: { userId: string }) => i.userId)).toEqual([other.userId]);
    expect((await admin.get("/api/team-load?evil=1")).statusCode).toBe(200);
  });
});
