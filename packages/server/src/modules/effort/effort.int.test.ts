import { analysisRuns, cases, interactionUsers, newId } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { seedDemoEffort } from "@openkam/db/seed/demo-effort";
import { buildInteraction, buildOrder } from "@openkam/db/testing/builders-activity";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "../../tenancy/scope";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { resultsFromRows, writeRunResults } from "../analytics/result-blocks";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const PERIOD = "from=2026-04-01&to=2026-06-30";
const at = (day: string) => new Date(`${day}T04:00:00Z`);

describe("effort", () => {
  it("logs time by hand and against an interaction or case, and sets every account's effort against its value", async () => {
    const director = await t.newUser(admin.orgId, "director");
    const kam = await t.newUser(admin.orgId, "account_manager");
    const s = await buildAccount(t.db, admin.orgId, { name: "Strategic S", tier: "strategic" });
    const k = await buildAccount(t.db, admin.orgId, { name: "Key K", tier: "key" });
    const g = await buildAccount(t.db, admin.orgId, { name: "Growth G", tier: "growth" });
    await buildAccount(t.db, admin.orgId, { name: "Standard idle", tier: "standard" });
    await buildTeamMember(t.db, admin.orgId, s.id, kam.userId, { teamRole: "kam_lead" });
    await buildTeamMember(t.db, admin.orgId, g.id, kam.userId, { teamRole: "sales" });
    await buildOrder(t.db, admin.orgId, s.id, { orderDate: "2026-03-01", amount: "3000.00" });
    await buildOrder(t.db, admin.orgId, k.id, { orderDate: "2026-05-01", amount: "5000.00" });
    await buildOrder(t.db, admin.orgId, g.id, { orderDate: "2026-02-01", amount: "2000.00" });
    await buildOrder(t.db, admin.orgId, g.id, { orderDate: "2025-03-01", amount: "1000.00" });
    await buildOrder(t.db, admin.orgId, g.id, { orderDate: "2026-02-01", amount: "99999.00", currency: "USD" });

    // S: a visit with no duration (estimated 120) and a 45-minute meeting of two of us (90 logged); a future one does not count.
    await buildInteraction(t.db, admin.orgId, s.id, { type: "visit", occurredAt: at("2026-05-10") });
    const meeting = await buildInteraction(t.db, admin.orgId, s.id, { type: "meeting", occurredAt: at("2026-05-12"), durationMinutes: 45 });
    await t.db.orm.insert(interactionUsers).values([{ orgId: admin.orgId, interactionId: meeting.id, userId: kam.userId }, { orgId: admin.orgId, interactionId: meeting.id, userId: director.userId }]);
    await buildInteraction(t.db, admin.orgId, s.id, { type: "qbr", occurredAt: new Date(Date.now() + 86_400_000) });
    await buildInteraction(t.db, admin.orgId, s.id, { type: "qbr", occurredAt: at("2026-03-31") });
    // G: a call someone logged 50 minutes against: the entry replaces the call's estimate.
    const call = await buildInteraction(t.db, admin.orgId, g.id, { type: "call", occurredAt: at("2026-06-01") });
    const caseId = newId();
    await t.db.orm.insert(cases).values({ orgId: admin.orgId, id: caseId, accountId: k.id, title: "Broken", priority: "P2", tier: "key", openedAt: at("2026-05-02") });

    const manual = await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-20", minutes: 300, note: "Plan workshop" });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json()).toMatchObject({ accountName: "Strategic S", userId: kam.userId, source: "manual", sourceId: null, minutes: 300, version: 1 });
    expect((await kam.post("/api/effort/entries", { accountId: g.id, workedOn: "2026-06-01", minutes: 50, source: "interaction", sourceId: call.id })).statusCode).toBe(201);
    expect((await director.post("/api/effort/entries", { accountId: k.id, userId: kam.userId, workedOn: "2026-05-03", minutes: 60, source: "case", sourceId: caseId })).statusCode).toBe(201);

    const refused = [
      await kam.post("/api/effort/entries", { accountId: k.id, workedOn: "2026-05-03", minutes: 10 }), // not on K's team
      await kam.post("/api/effort/entries", { accountId: s.id, userId: director.userId, workedOn: "2026-05-03", minutes: 10 }),
      await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-03", minutes: 10, source: "interaction", sourceId: call.id }),
      await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-03", minutes: 10, source: "case" }),
      await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-03", minutes: 10, sourceId: call.id }),
      await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-03", minutes: 0 }),
      await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-03", minutes: 1441 }),
      await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-02-30", minutes: 10 }),
      await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-03", minutes: 10, note: "x".repeat(1001) }),
      await kam.post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-03", minutes: 10, orgId: admin.orgId }),
      await (await t.newUser(admin.orgId, "viewer")).post("/api/effort/entries", { accountId: s.id, workedOn: "2026-05-03", minutes: 10 }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([404, 403, 400, 400, 400, 400, 400, 400, 400, 400, 403]);
    expect(refused[2]!.json().errors[0].field).toBe("sourceId");

    const account = (await kam.get(`/api/accounts/${s.id}/effort?${PERIOD}`)).json();
    expect(account).toMatchObject({
      from: "2026-04-01", to: "2026-06-30", loggedMinutes: 390, estimatedMinutes: 120, totalMinutes: 510,
      bySource: { interaction: 90, case: 0, task: 0, manual: 300, estimated: 120 },
      byUser: [{ userId: kam.userId, minutes: 300 }],
    });
    expect(account.recent.map((e: { note: string }) => e.note)).toEqual(["Plan workshop"]);
    expect((await kam.get(`/api/accounts/${k.id}/effort`)).statusCode).toBe(404);

    const list = (await kam.get(`/api/effort/entries?${PERIOD}`)).json();
    expect(list).toMatchObject({ totalMinutes: 350, truncated: false });
    expect((await director.get(`/api/effort/entries?${PERIOD}&userId=${kam.userId}&limit=1`)).json()).toMatchObject({ totalMinutes: 410, truncated: true });

    expect((await kam.get(`/api/effort/allocation?${PERIOD}`)).statusCode).toBe(403);
    const runId = newId();
    await t.db.orm.insert(analysisRuns).values({ orgId: admin.orgId, id: runId, kind: "matrix", status: "succeeded", asOf: "2026-06-30", parameters: {}, scope: "organization", currency: "CNY", createdBy: admin.userId, accountCount: 1 });
    await writeRunResults(t.db, systemScope(admin.orgId), runId, resultsFromRows([{ accountId: s.id, grp: "strategic_partner", rank: 1, values: {} }]));

    const allocation = (await director.get(`/api/effort/allocation?${PERIOD}`)).json();
    expect(allocation).toMatchObject({ currency: "CNY", basis: "revenue", matrixRunId: runId, clvRunId: null, totals: { minutes: 620, loggedMinutes: 500, estimatedMinutes: 120, value: "10000.00" } });
    expect(allocation.accounts.map((a: { name: string; totalMinutes: number; revenue: string; growthPct: number | null; service: string }) => [a.name, a.totalMinutes, a.revenue, a.growthPct, a.service])).toEqual([
      ["Strategic S", 510, "3000.00", null, "over"], // 82% of the effort for 30% of the value
      ["Key K", 60, "5000.00", null, "under"],
      ["Growth G", 50, "2000.00", 100, "under"],
    ]);
    // key 570, growth 50: 91.9 / 8.1 against 70 / 30.
    expect(allocation.split).toEqual({ keyMinutes: 570, growthMinutes: 50, otherMinutes: 0, keyPct: 91.9, growthPct: 8.1, targetKeyPct: 70, targetGrowthPct: 30, deviationPts: 21.9 });
    expect(allocation.quadrants.find((q: { quadrant: string }) => q.quadrant === "strategic_partner")).toEqual({ quadrant: "strategic_partner", accounts: 1, minutes: 510, effortShare: 0.8226, value: "3000.00", valueShare: 0.3 });
    expect(allocation.overServed.map((a: { name: string }) => a.name)).toEqual(["Strategic S"]);
    expect(allocation.underServed.map((a: { name: string }) => a.name)).toEqual(["Key K", "Growth G"]);
  });

  it("lets people change only their own entries (directors any), versions every change and audits it", async () => {
    const org = await t.newOrgWithUser("admin");
    const director = await t.newUser(org.orgId, "director");
    const kam = await t.newUser(org.orgId, "account_manager");
    const other = await t.newUser(org.orgId, "member");
    const a = await buildAccount(t.db, org.orgId, { name: "Shared" });
    await buildTeamMember(t.db, org.orgId, a.id, kam.userId);
    await buildTeamMember(t.db, org.orgId, a.id, other.userId);
    const entry = (await kam.post("/api/effort/entries", { accountId: a.id, workedOn: "2026-05-01", minutes: 30 })).json();

    expect((await other.patch(`/api/effort/entries/${entry.id}`, { minutes: 5, version: 1 })).statusCode).toBe(403);
    expect((await other.delete(`/api/effort/entries/${entry.id}?version=1`)).statusCode).toBe(403);
    const changed = await kam.patch(`/api/effort/entries/${entry.id}`, { minutes: 45, note: "Longer" }, { "if-match": '"1"' });
    expect(changed.json()).toMatchObject({ minutes: 45, note: "Longer", version: 2 });
    expect(changed.headers.etag).toBe('"2"');
    expect((await kam.patch(`/api/effort/entries/${entry.id}`, { minutes: 50 }, { "if-match": '"1"' })).statusCode).toBe(412);
    expect((await kam.patch(`/api/effort/entries/${entry.id}`, { minutes: 50, version: 1 })).statusCode).toBe(409);
    expect((await kam.patch(`/api/effort/entries/${entry.id}`, { minutes: 50 })).statusCode).toBe(400);
    expect((await director.patch(`/api/effort/entries/${entry.id}`, { workedOn: "2026-05-02", version: 2 })).json()).toMatchObject({ workedOn: "2026-05-02", version: 3 });
    expect((await kam.delete(`/api/effort/entries/${entry.id}?version=2`)).statusCode).toBe(409);
    expect((await kam.delete(`/api/effort/entries/${entry.id}`, { "if-match": '"3"' })).statusCode).toBe(204);
    expect((await kam.delete(`/api/effort/entries/${entry.id}?version=3`)).statusCode).toBe(404);

    const audit = await t.db.rows<{ action: string }>(sql`select action from audit_log where org_id = ${org.orgId} and entity_type = 'effort_entry' order by id`);
    expect(audit.map((r) => r.action)).toEqual(["create", "update", "update", "delete"]);

    expect((await kam.get("/api/effort/settings")).json()).toEqual({ keySharePct: 70, overRatio: 1.5, underRatio: 0.5, version: 0 });
    expect((await kam.put("/api/effort/settings", { keySharePct: 60, overRatio: 2, underRatio: 0.4 })).statusCode).toBe(403);
    const bad = [
      await director.put("/api/effort/settings", { keySharePct: 101, overRatio: 2, underRatio: 0.4 }),
      await director.put("/api/effort/settings", { keySharePct: 60, overRatio: 1, underRatio: 0.4 }),
      await director.put("/api/effort/settings", { keySharePct: 60, overRatio: 2, underRatio: 1.2 }),
      await director.put("/api/effort/settings", { keySharePct: 60, overRatio: 2.345, underRatio: 0.4 }),
      await director.get("/api/effort/allocation?from=2026-06-30&to=2026-01-01"),
      await director.get("/api/effort/allocation?from=2020-01-01&to=2026-01-01"),
      await director.get("/api/effort/allocation?basis=vibes"),
    ];
    for (const res of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    expect((await director.put("/api/effort/settings", { keySharePct: 60, overRatio: 2, underRatio: 0.4, version: 0 })).json()).toEqual({ keySharePct: 60, overRatio: 2, underRatio: 0.4, version: 1 });
    expect((await director.put("/api/effort/settings", { keySharePct: 65, overRatio: 2, underRatio: 0.4, version: 0 })).statusCode).toBe(409);
    const allocation = (await director.get("/api/effort/allocation?basis=clv")).json();
    expect(allocation).toMatchObject({ basis: "clv", settings: { keySharePct: 60, version: 1 }, split: { targetKeyPct: 60, targetGrowthPct: 40, keyPct: null } });
  });

  it("seeds demo time deterministically, once, on the key and growth accounts' teams", async () => {
    const org = await t.newOrgWithUser("admin");
    const colleague = await t.newUser(org.orgId, "account_manager");
    const asOf = new Date("2026-06-30T12:00:00Z");
    for (const tier of ["strategic", "key", "growth", "standard"] as const) {
      const account = await buildAccount(t.db, org.orgId, { name: `Demo ${tier}`, tier });
      await buildTeamMember(t.db, org.orgId, account.id, colleague.userId);
      await buildInteraction(t.db, org.orgId, account.id, { type: "visit", occurredAt: new Date("2026-06-01T03:00:00Z") });
    }
    await t.db.transaction((tx) => seedDemoEffort(tx, org.orgId, asOf));
    const first = await t.db.rows<{ account: string; n: number }>(sql`
      select a.name as account, count(*)::int as n from effort_entries e join accounts a on a.org_id = e.org_id and a.id = e.account_id
      where e.org_id = ${org.orgId} and e.user_id = ${colleague.userId} and e.worked_on between '2026-04-02' and '2026-06-30' group by a.name order by a.name`);
    await t.db.transaction((tx) => seedDemoEffort(tx, org.orgId, asOf));
    const [{ n }] = await t.db.rows<{ n: number }>(sql`select count(*)::int as n from effort_entries where org_id = ${org.orgId}`) as [{ n: number }];
    expect(n).toBe(first.reduce((s, r) => s + r.n, 0));
    expect(first.map((r) => r.account)).toEqual(expect.arrayContaining(["Demo key", "Demo strategic"]));
    expect(first.map((r) => r.account)).not.toContain("Demo standard");
    const allocation = (await org.get("/api/effort/allocation?from=2026-04-02&to=2026-06-30")).json();
    expect(allocation.totals.loggedMinutes).toBeGreaterThan(0);
  });
});
