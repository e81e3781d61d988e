import { accountPlans, newId } from "@openkam/db";
import { seedDemoProgramme } from "@openkam/db/seed/demo-programme";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildOrder } from "@openkam/db/testing/builders-activity";
import { buildContact } from "@openkam/db/testing/builders-people";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

describe("KAM programme", () => {
  it("starts empty, is set up by a director, and measures its cohort against the goals", async () => {
    const director = await t.newUser(admin.orgId, "director");
    expect((await director.get("/api/programme")).json()).toMatchObject({ programme: null, accounts: [], goals: [], pilotStatus: "empty", currency: "CNY" });
    expect((await director.put("/api/programme/accounts/0190a0a0-0000-7000-8000-000000000000")).statusCode).toBe(404);
    const early = await director.post("/api/programme/goals", { title: "Growth", kind: "revenue_growth", target: 10 });
    expect(early.statusCode).toBe(409);

    const created = await director.put("/api/programme", { name: "KAM pilot", description: "Three accounts first", startsOn: "2026-01-01", version: 0 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "KAM pilot", startsOn: "2026-01-01", version: 1 });
    const renamed = await director.put("/api/programme", { name: "KAM pilot 2026" }, { "if-match": '"1"' });
    expect(renamed.json()).toMatchObject({ name: "KAM pilot 2026", description: "Three accounts first", version: 2 });
    expect((await director.put("/api/programme", { name: "Stale", version: 1 })).statusCode).toBe(409);

    const growing = await buildAccount(t.db, admin.orgId, { name: "Alpha Growing", tier: "strategic" });
    const flat = await buildAccount(t.db, admin.orgId, { name: "Beta Flat", tier: "key" });
    await buildOrder(t.db, admin.orgId, growing.id, { orderDate: daysAgo(30), amount: "1200.00" });
    await buildOrder(t.db, admin.orgId, growing.id, { orderDate: daysAgo(400), amount: "1000.00" });
    await buildOrder(t.db, admin.orgId, growing.id, { orderDate: daysAgo(30), amount: "99999.00", currency: "USD" });
    await buildOrder(t.db, admin.orgId, flat.id, { orderDate: daysAgo(60), amount: "800.00" });
    await buildOrder(t.db, admin.orgId, flat.id, { orderDate: daysAgo(500), amount: "1000.00" });
    await buildContact(t.db, admin.orgId, growing.id, { buyingRole: "champion", attitude: 2 });
    await t.db.orm.insert(accountPlans).values({
      orgId: admin.orgId, id: newId(), accountId: growing.id, title: "Plan", templateKey: "strategic", periodStart: daysAgo(100), periodEnd: daysAgo(-200),
      status: "approved", content: {}, approvedVersion: 1, approvedAt: new Date(),
    });

    expect((await director.put(`/api/programme/accounts/${growing.id}`)).statusCode).toBe(201);
    expect((await director.put(`/api/programme/accounts/${growing.id}`)).statusCode).toBe(204);
    expect((await director.put(`/api/programme/accounts/${flat.id}`)).statusCode).toBe(201);

    const goals = [
      { title: "Revenue growth ≥ 10%", kind: "revenue_growth", target: 10 },
      { title: "Approved plans", kind: "approved_plans", target: 100 },
      { title: "Champions", kind: "champion_coverage", target: 100 },
      { title: "Cadence ≥ 90%", kind: "cadence_compliance", target: 90 },
      { title: "Executive sponsors named", kind: "manual", target: 4, currentValue: 3, unit: "accounts" },
    ];
    for (const goal of goals) expect((await director.post("/api/programme/goals", goal)).statusCode).toBe(201);

    const overview = (await director.get("/api/programme")).json();
    expect(overview.pilotStatus).toBe("too_small");
    expect(overview.accounts).toMatchObject([
      { name: "Alpha Growing", revenueGrowthPct: 20, hasApprovedPlan: true, hasChampion: true },
      { name: "Beta Flat", revenueGrowthPct: -20, hasApprovedPlan: false, hasChampion: false },
    ]);
    expect(overview.goals.map((g: { title: string; currentValue: number | null; progressPct: number | null; achieved: boolean | null; unit: string | null }) =>
      [g.title, g.currentValue, g.progressPct, g.achieved, g.unit])).toEqual([
      ["Revenue growth ≥ 10%", 0, 0, false, "%"],
      ["Approved plans", 50, 50, false, "%"],
      ["Champions", 50, 50, false, "%"],
      ["Cadence ≥ 90%", expect.any(Number), expect.any(Number), expect.any(Boolean), "%"],
      ["Executive sponsors named", 3, 75, false, "accounts"],
    ]);

    const manual = overview.goals[4];
    const updated = await director.patch(`/api/programme/goals/${manual.id}`, { currentValue: 4, version: 1 });
    expect(updated.json()).toMatchObject({ currentValue: 4, progressPct: 100, achieved: true, version: 2 });
    expect((await director.patch(`/api/programme/goals/${overview.goals[0].id}`, { currentValue: 12, version: 1 })).json().errors[0].field).toBe("currentValue");
    expect((await director.delete(`/api/programme/goals/${manual.id}?version=1`)).statusCode).toBe(409);
    expect((await director.delete(`/api/programme/goals/${manual.id}`, { "if-match": '"2"' })).statusCode).toBe(204);
    expect((await director.delete(`/api/programme/accounts/${flat.id}`)).statusCode).toBe(204);
    expect((await director.delete(`/api/programme/accounts/${flat.id}`)).statusCode).toBe(404);
    expect((await director.get("/api/programme")).json().accounts.map((a: { name: string }) => a.name)).toEqual(["Alpha Growing"]);

    const audit = await t.db.rows<{ entity_type: string; n: number }>(sql`
      select entity_type, count(*)::int as n from audit_log where org_id = ${admin.orgId} and entity_type like 'kam_programme%' group by entity_type order by entity_type`);
    expect(audit).toEqual([
      { entity_type: "kam_programme", n: 2 }, { entity_type: "kam_programme_account", n: 3 }, { entity_type: "kam_programme_goal", n: 7 },
    ]);
  });

  it("lets everyone read but only directors and admins change it, shows members only the cohort accounts they see, and keeps organizations apart", async () => {
    const org = await t.newOrgWithUser("admin");
    await org.put("/api/programme", { name: "Pilot" });
    const seen = await buildAccount(t.db, org.orgId, { name: "Seen" });
    const hidden = await buildAccount(t.db, org.orgId, { name: "Hidden" });
    await org.put(`/api/programme/accounts/${seen.id}`);
    await org.put(`/api/programme/accounts/${hidden.id}`);
    const goal = (await org.post("/api/programme/goals", { title: "Manual", kind: "manual", target: 1 })).json();

    const member = await t.newUser(org.orgId, "member");
    await buildTeamMember(t.db, org.orgId, seen.id, member.userId);
    expect((await member.get("/api/programme")).json().accounts.map((a: { name: string }) => a.name)).toEqual(["Seen"]);
    for (const manager of [member, await t.newUser(org.orgId, "account_manager"), await t.newUser(org.orgId, "viewer")]) {
      const attempts = [
        await manager.put("/api/programme", { name: "Mine" }),
        await manager.put(`/api/programme/accounts/${seen.id}`),
        await manager.delete(`/api/programme/accounts/${seen.id}`),
        await manager.post("/api/programme/goals", { title: "X", kind: "manual", target: 1 }),
        await manager.patch(`/api/programme/goals/${goal.id}`, { title: "Y", version: 1 }),
        await manager.delete(`/api/programme/goals/${goal.id}?version=1`),
      ];
      expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    }

    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get("/api/programme")).json().programme).toBeNull();
    await intruder.put("/api/programme", { name: "Theirs" });
    expect((await intruder.put(`/api/programme/accounts/${seen.id}`)).statusCode).toBe(404);
    expect((await intruder.patch(`/api/programme/goals/${goal.id}`, { title: "Hacked", version: 1 })).statusCode).toBe(404);
    expect((await intruder.delete(`/api/programme/goals/${goal.id}?version=1`)).statusCode).toBe(404);
    expect((await org.get("/api/programme")).json().goals[0].title).toBe("Manual");
  });

  it("answers hostile input with 400 problem+json, never a 500", async () => {
    const org = await t.newOrgWithUser("admin");
    await org.put("/api/programme", { name: "Pilot" });
    const bad = [
      await org.put("/api/programme", { name: "" }),
      await org.put("/api/programme", { name: "x".repeat(201) }),
      await org.put("/api/programme", { name: "Ok", startsOn: "2026-13-45" }),
      await org.put("/api/programme", { name: "Ok", orgId: org.orgId }),
      await org.put("/api/programme/accounts/not-a-uuid"),
      await org.post("/api/programme/goals", { title: "X", kind: "world_peace", target: 1 }),
      await org.post("/api/programme/goals", { title: "X", kind: "manual", target: "ten" }),
      await org.post("/api/programme/goals", { title: "X", kind: "manual", target: 1e300 }),
      await org.post("/api/programme/goals", { title: "X", kind: "manual", target: 1.234 }),
      await org.post("/api/programme/goals", { title: "X", kind: "revenue_growth", target: 10, currentValue: 3 }),
      await org.post("/api/programme/goals", { title: "\u0000", kind: "manual", target: 1 }),
      await org.patch("/api/programme/goals/0190a0a0-0000-7000-8000-000000000000", { title: "X" }),
    ];
    for (const res of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

describe("demo programme seed", () => {
  it("adds relationships on strategic accounts, reporting lines where none exist, and a programme of four accounts and three goals", async () => {
    const org = await t.newOrgWithUser("admin");
    const colleague = await t.newUser(org.orgId, "account_manager");
    const accounts = [];
    for (let i = 0; i < 5; i++) accounts.push(await buildAccount(t.db, org.orgId, { name: `Strategic ${i}`, tier: "strategic" }));
    await buildTeamMember(t.db, org.orgId, accounts[0]!.id, org.userId);
    await buildTeamMember(t.db, org.orgId, accounts[0]!.id, colleague.userId);
    const boss = await buildContact(t.db, org.orgId, accounts[0]!.id, { name: "Boss", buyingRole: "decision_maker" });
    const aide = await buildContact(t.db, org.orgId, accounts[0]!.id, { name: "Aide", buyingRole: "user" });
    await buildContact(t.db, org.orgId, accounts[0]!.id, { name: "Clerk" });

    await t.db.transaction((tx) => seedDemoProgramme(tx, org.orgId));
    await t.db.transaction((tx) => seedDemoProgramme(tx, org.orgId));

    const map = (await org.get(`/api/accounts/${accounts[0]!.id}/stakeholder-map`)).json();
    expect(map.coverage.map((w: { code: string }) => w.code)).not.toContain("single_threaded");
    expect(map.contacts.find((c: { id: string }) => c.id === aide.id).reportsToContactId).toBe(boss.id);
    const overview = (await org.get("/api/programme")).json();
    expect(overview.programme.name).toBe("KAM pilot");
    expect(overview.accounts).toHaveLength(4);
    expect(overview.pilotStatus).toBe("pilot");
    expect(overview.goals.map((g: { kind: string }) => g.kind)).toEqual(["revenue_growth", "approved_plans", "cadence_compliance"]);
  });
});
