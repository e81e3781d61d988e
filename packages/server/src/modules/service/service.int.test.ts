import { organizations } from "@openkam/db";
import { seedDemoService } from "@openkam/db/seed/demo-service";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { DEFAULT_SLA_TARGETS } from "@openkam/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { createJobQueue } from "../../jobs/job-queue";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

const MINUTE = 60_000;
const minutesAgo = (n: number) => new Date(Date.now() - n * MINUTE).toISOString();

let t: TestApp;
let admin: Client;
let director: Client;
let manager: Client;
let member: Client;
let viewer: Client;
let other: Client;
let strategic: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  await t.db.orm.update(organizations).set({ timezone: "UTC" }).where(eq(organizations.id, admin.orgId));
  [director, manager, member, viewer] = await Promise.all([
    t.newUser(admin.orgId, "director"), t.newUser(admin.orgId, "account_manager"), t.newUser(admin.orgId, "member"), t.newUser(admin.orgId, "viewer"),
  ]);
  other = await t.newOrgWithUser("admin");
  strategic = await buildAccount(t.db, admin.orgId, { tier: "strategic", name: "Acme Strategic" });
  outsider = await buildAccount(t.db, admin.orgId, { tier: "key", name: "Nobody's account" });
  await buildTeamMember(t.db, admin.orgId, strategic.id, manager.userId);
  await buildTeamMember(t.db, admin.orgId, strategic.id, member.userId);
  await buildTeamMember(t.db, admin.orgId, strategic.id, viewer.userId);
});
afterAll(async () => t?.close());

const open = (c: Client, body: Record<string, unknown>) => c.post("/api/cases", { accountId: strategic.id, title: "Line stopped", priority: "P1", ...body });
const act = (c: Client, id: string, body: Record<string, unknown>) => c.post(`/api/cases/${id}/events`, body);
const auditOf = (entityType: string, entityId: string) =>
  t.db.rows<{ action: string; after: Record<string, unknown> }>(sql`select action, after from audit_log where entity_type = ${entityType} and entity_id = ${entityId} order by id`);

function expectProblem(res: { statusCode: number; headers: Record<string, unknown> }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
}

describe("SLA policies", () => {
  it("start from the defaults, are readable by every role, and are set by directors with an audit trail", async () => {
    const list = await viewer.get("/api/service/policies");
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(16);
    expect(list.json().items[0]).toEqual({ tier: "strategic", priority: "P1", ...DEFAULT_SLA_TARGETS.strategic.P1, isDefault: true, updatedAt: null, version: 0 });

    const put = await director.put("/api/service/policies/key/P2", { firstResponseMinutes: 120, resolutionMinutes: 960, businessHours: true, version: 0 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ tier: "key", priority: "P2", firstResponseMinutes: 120, isDefault: false, version: 1 });
    const again = await director.put("/api/service/policies/key/P2", { firstResponseMinutes: 90, resolutionMinutes: 960, businessHours: true }, { "if-match": '"0"' });
    expectProblem(again, 412);
    expect((await auditOf("sla_policy", admin.orgId)).map((a) => [a.action, a.after.firstResponseMinutes])).toEqual([["create", 120]]);
  });

  it("refuse other roles and nonsense targets", async () => {
    const body = { firstResponseMinutes: 60, resolutionMinutes: 600, businessHours: true, version: 0 };
    for (const c of [manager, member, viewer]) expectProblem(await c.put("/api/service/policies/growth/P1", body), 403);
    expectProblem(await director.put("/api/service/policies/growth/P1", { ...body, firstResponseMinutes: 0 }), 400);
    expectProblem(await director.put("/api/service/policies/growth/P1", { ...body, firstResponseMinutes: 700 }), 400);
    expectProblem(await director.put("/api/service/policies/gold/P1", body), 400);
    expectProblem(await director.put("/api/service/policies/growth/P9", body), 400);
    expectProblem(await director.put("/api/service/policies/growth/P1", { ...body, firstResponseMinutes: "soon" }), 400);
  });
});

describe("the service calendar", () => {
  const week = { mon: [{ start: "09:00", end: "18:00" }], tue: [{ start: "09:00", end: "18:00" }], wed: [], thu: [], fri: [], sat: [], sun: [] };

  it("follows the organization's zone and the standard week until set, and is replaced as a whole", async () => {
    const initial = (await member.get("/api/service/calendar")).json();
    expect(initial).toMatchObject({ timeZone: "UTC", timeZoneIsOrganization: true, version: 0, holidays: [] });
    expect(initial.weeklyHours.mon).toEqual([{ start: "09:00", end: "18:00" }]);

    const res = await other.put("/api/service/calendar", { timeZone: "Asia/Shanghai", weeklyHours: week, holidays: [{ date: "2026-10-01", name: "National Day" }], version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ timeZone: "Asia/Shanghai", timeZoneIsOrganization: false, version: 1, holidays: [{ date: "2026-10-01", name: "National Day" }] });
    // Another organization's calendar is its own.
    expect((await admin.get("/api/service/calendar")).json().version).toBe(0);
    expect(await auditOf("service_calendar", other.orgId)).toHaveLength(1);
  });

  it("refuses an unknown zone, overlapping or malformed hours, repeated holidays and other roles", async () => {
    const body = { timeZone: null, weeklyHours: week, holidays: [], version: 0 };
    expectProblem(await admin.put("/api/service/calendar", { ...body, timeZone: "Mars/Olympus" }), 400);
    expectProblem(await admin.put("/api/service/calendar", { ...body, weeklyHours: { ...week, mon: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } }), 400);
    expectProblem(await admin.put("/api/service/calendar", { ...body, weeklyHours: { ...week, mon: [{ start: "9am", end: "18:00" }] } }), 400);
    expectProblem(await admin.put("/api/service/calendar", { ...body, weeklyHours: { ...week, mon: [], tue: [] } }), 400);
    expectProblem(await admin.put("/api/service/calendar", { ...body, holidays: [{ date: "2026-02-30", name: "x" }] }), 400);
    expectProblem(await admin.put("/api/service/calendar", { ...body, holidays: [{ date: "2026-10-01", name: "a" }, { date: "2026-10-01", name: "b" }] }), 400);
    expectProblem(await manager.put("/api/service/calendar", body), 403);
  });
});

describe("contracted service scope", () => {
  it("is set by the account's manager, read by its team, and audited", async () => {
    expect((await member.get(`/api/accounts/${strategic.id}/service-scope`)).json()).toMatchObject({ included: [], excluded: [], notes: null, version: 0 });
    const res = await manager.put(`/api/accounts/${strategic.id}/service-scope`, { included: ["24x7 hotline"], excluded: ["Custom development"], notes: "Named engineer", version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await viewer.get(`/api/accounts/${strategic.id}/service-scope`)).json()).toMatchObject({ included: ["24x7 hotline"], excluded: ["Custom development"], notes: "Named engineer", version: 1 });
    expect((await auditOf("account_service_scope", strategic.id)).map((a) => a.action)).toEqual(["create"]);
  });

  it("refuses members, viewers, accounts outside the team or organization, and oversized lists", async () => {
    const body = { included: ["x"], excluded: [], version: 1 };
    expectProblem(await member.put(`/api/accounts/${strategic.id}/service-scope`, body), 403);
    expectProblem(await viewer.put(`/api/accounts/${strategic.id}/service-scope`, body), 403);
    expectProblem(await manager.get(`/api/accounts/${outsider.id}/service-scope`), 404);
    expectProblem(await other.get(`/api/accounts/${strategic.id}/service-scope`), 404);
    expectProblem(await manager.put(`/api/accounts/${strategic.id}/service-scope`, { ...body, included: Array.from({ length: 51 }, (_, i) => `item ${i}`) }), 400);
    expectProblem(await manager.put(`/api/accounts/${strategic.id}/service-scope`, { ...body, included: ["x".repeat(201)] }), 400);
  });
});

describe("cases and their SLA clocks", () => {
  // Strategic P1 runs around the clock: 120 minutes to answer, 1440 to resolve, whatever the day.
  it("open with both clocks running, warn before the breach and show the breach", async () => {
    const fresh = await open(member, { openedAt: minutesAgo(30) });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.json()).toMatchObject({ status: "open", tier: "strategic", accountName: "Acme Strategic", actions: ["respond", "wait_on_customer", "resolve", "note"] });
    expect(fresh.json().sla.state).toBe("running");
    expect(fresh.json().sla.firstResponse).toMatchObject({ state: "running", targetMinutes: 120, businessHours: false });
    expect(fresh.json().sla.firstResponse.elapsedMinutes).toBeCloseTo(30, 0);

    const atRisk = await open(member, { openedAt: minutesAgo(100) });
    expect(atRisk.json().sla).toMatchObject({ state: "at_risk", firstResponse: { state: "at_risk" }, resolution: { state: "running" } });
    const late = await open(member, { openedAt: minutesAgo(130) });
    expect(late.json().sla).toMatchObject({ state: "breached", firstResponse: { state: "breached" } });

    const listed = await manager.get(`/api/cases?accountId=${strategic.id}&slaState=at_risk&slaState=breached`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((c: { id: string }) => c.id).sort()).toEqual([atRisk.json().id, late.json().id].sort());
    expect((await auditOf("case", fresh.json().id))[0]).toMatchObject({ action: "create", after: { priority: "P1", tier: "strategic" } });
  });

  it("pause while waiting on the customer, resume on their reply, stop at the resolution, and survive a restart", async () => {
    // One base time for every event, so the elapsed minutes between them are exact however slow the machine is.
    const base = Date.now();
    const ago = (n: number) => new Date(base - n * MINUTE).toISOString();
    const created = (await open(manager, { openedAt: ago(60) })).json();
    const id = created.id;
    const waiting = await act(manager, id, { action: "wait_on_customer", at: ago(50), body: "Please send the logs" });
    expect(waiting.statusCode, waiting.body).toBe(201);
    expect(waiting.json()).toMatchObject({ status: "waiting_on_customer", sla: { state: "paused", firstResponse: { state: "paused", elapsedMinutes: 10, dueAt: null } } });

    // The clock is replayed from the stored events: a new server on the same database reads the same.
    const restarted = await buildApp({ database: t.db, jobs: createJobQueue(t.db), config: { runJobs: false } });
    await restarted.ready();
    const cookie = (await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: manager.email, password: "correct horse battery staple" } })).cookies.find((c) => c.name === "openkam_session")!;
    const reread = await restarted.inject({ method: "GET", url: `/api/cases/${id}`, headers: { cookie: `openkam_session=${cookie.value}` } });
    await restarted.close();
    expect(reread.json().sla).toMatchObject({ state: "paused", firstResponse: { elapsedMinutes: 10 }, resolution: { elapsedMinutes: 10 } });

    await act(manager, id, { action: "customer_replied", at: ago(20) });
    const answered = (await act(manager, id, { action: "respond", at: ago(10), body: "Fixed in 2.4.1" })).json();
    expect(answered).toMatchObject({ status: "in_progress", firstResponseAt: expect.any(String), sla: { firstResponse: { state: "met", elapsedMinutes: 20 } } });
    const resolved = (await act(manager, id, { action: "resolve", at: ago(5) })).json();
    expect(resolved).toMatchObject({ status: "resolved", actions: ["reopen", "note"], sla: { state: "met", resolution: { state: "met", elapsedMinutes: 25 } } });
    expect(resolved.events.map((e: { type: string }) => e.type)).toEqual(["opened", "waiting_on_customer", "customer_replied", "responded", "resolved"]);

    const reopened = (await act(manager, id, { action: "reopen" })).json();
    expect(reopened).toMatchObject({ status: "in_progress", resolvedAt: null, sla: { resolution: { state: "running" } } });
    expect((await auditOf("case", id)).map((a) => a.after.status ?? a.action)).toEqual(["create", "waiting_on_customer", "in_progress", "in_progress", "resolved", "in_progress"]);
  });

  it("refuses actions the status does not allow, and events dated in the future or before the last one", async () => {
    const id = (await open(member, {})).json().id;
    expectProblem(await act(member, id, { action: "customer_replied" }), 409);
    expectProblem(await act(member, id, { action: "reopen" }), 409);
    expectProblem(await act(member, id, { action: "respond", at: new Date(Date.now() + 3_600_000).toISOString() }), 400);
    expectProblem(await act(member, id, { action: "respond", at: minutesAgo(60) }), 400);
    expectProblem(await act(member, id, { action: "note" }), 400);
    expectProblem(await act(member, id, { action: "escalate" }), 400);
    expectProblem(await act(member, id, { action: "respond", version: 99 }), 409);
  });

  it("records assignments and priority changes in the timeline, with optimistic concurrency", async () => {
    const created = (await open(manager, {})).json();
    const res = await manager.patch(`/api/cases/${created.id}`, { priority: "P3", assigneeUserId: member.userId }, { "if-match": `"${created.version}"` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ priority: "P3", assigneeUserId: member.userId, sla: { firstResponse: { targetMinutes: DEFAULT_SLA_TARGETS.strategic.P3.firstResponseMinutes, businessHours: true } } });
    expect(res.json().events.map((e: { type: string }) => e.type)).toEqual(["opened", "assigned", "priority_changed"]);
    expectProblem(await manager.patch(`/api/cases/${created.id}`, { title: "Stale" }, { "if-match": `"${created.version}"` }), 412);
    expectProblem(await manager.patch(`/api/cases/${created.id}`, { assigneeUserId: other.userId, version: created.version + 1 }), 400);
    const mine = await manager.get(`/api/cases?assigneeUserId=${member.userId}&priority=P3`);
    expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([created.id]);
  });

  it("makes a follow-up task linked to the case", async () => {
    const created = (await open(manager, {})).json();
    const res = await manager.post(`/api/cases/${created.id}/tasks`, { title: "Send the replacement part" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ title: "Send the replacement part", accountId: strategic.id, priority: "urgent", source: { type: "case", id: created.id } });
  });

  it("keeps cases to the account team and organization, and viewers out of writes", async () => {
    const id = (await open(manager, {})).json().id;
    const onOutsider = await open(admin, { accountId: outsider.id });
    expect(onOutsider.statusCode).toBe(201);
    expectProblem(await member.get(`/api/cases/${onOutsider.json().id}`), 404);
    expect((await member.get("/api/cases?limit=500")).json().items.some((c: { id: string }) => c.id === onOutsider.json().id)).toBe(false);
    expectProblem(await open(member, { accountId: outsider.id }), 400);
    expectProblem(await other.get(`/api/cases/${id}`), 404);
    expectProblem(await act(other, id, { action: "respond" }), 404);
    expectProblem(await other.patch(`/api/cases/${id}`, { title: "x", version: 1 }), 404);
    expectProblem(await open(other, {}), 400);
    expectProblem(await open(viewer, {}), 403);
    expectProblem(await act(viewer, id, { action: "note", body: "hi" }), 403);
  });

  it("refuses hostile input with 400, never 500", async () => {
    expectProblem(await open(member, { title: "x".repeat(201) }), 400);
    expectProblem(await open(member, { title: "  " }), 400);
    expectProblem(await open(member, { priority: "P0" }), 400);
    expectProblem(await open(member, { openedAt: "yesterday" }), 400);
    expectProblem(await open(member, { openedAt: "2020-01-01T00:00:00Z" }), 400);
    expectProblem(await open(member, { title: "a\u0000b" }), 400);
    expectProblem(await open(member, { accountId: "not-a-uuid" }), 400);
    expectProblem(await open(member, { extra: 1 }), 400);
    expectProblem(await member.get("/api/cases?slaState=late"), 400);
    expectProblem(await member.get("/api/cases/not-a-uuid"), 400);
    expectProblem(await member.get("/api/service/metrics?by=planet"), 400);
  });
});

describe("response metrics", () => {
  it("average the first response per month and tier, with the share within target", async () => {
    const org = await t.newOrgWithUser("admin");
    await t.db.orm.update(organizations).set({ timezone: "UTC" }).where(eq(organizations.id, org.orgId));
    const account = await buildAccount(t.db, org.orgId, { tier: "strategic", name: "Metrics Co" });
    const now = new Date();
    // The 10th of the month before last and of last month, 01:00 UTC: strategic P1 counts around the clock.
    const monthStart = (back: number) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 10, 1);
    const plan = [[2, 240], [2, 180], [1, 60], [1, 30]] as const;
    for (const [back, minutes] of plan) {
      const id = (await org.post("/api/cases", { accountId: account.id, title: "Case", priority: "P1", openedAt: new Date(monthStart(back)).toISOString() })).json().id;
      await act(org, id, { action: "respond", at: new Date(monthStart(back) + minutes * MINUTE).toISOString() });
    }
    const month = (back: number) => new Date(monthStart(back)).toISOString().slice(0, 7);

    const byTier = await org.get("/api/service/metrics?by=tier&months=3");
    expect(byTier.statusCode, byTier.body).toBe(200);
    expect(byTier.json().periods).toEqual([month(2), month(1), month(0)]);
    expect(byTier.json().rows).toEqual([
      expect.objectContaining({ group: "strategic", period: month(2), cases: 2, firstResponse: { count: 2, mean: 210, median: 210 }, firstResponseAttainment: 0 }),
      expect.objectContaining({ group: "strategic", period: month(1), cases: 2, firstResponse: { count: 2, mean: 45, median: 45 }, firstResponseAttainment: 1 }),
    ]);
    const byAccount = await org.get(`/api/service/metrics?by=account&accountId=${account.id}`);
    expect(byAccount.json().rows.map((r: { groupName: string }) => r.groupName)).toEqual(["Metrics Co", "Metrics Co"]);
    expectProblem(await admin.get(`/api/service/metrics?by=account&accountId=${account.id}`), 404);
  });
});

describe("the demo service desk", () => {
  it("seeds policies for every tier, a calendar, scopes for strategic accounts and cases whose first answers get faster", async () => {
    const org = await t.newOrgWithUser("admin");
    for (let i = 0; i < 4; i++) await buildAccount(t.db, org.orgId, { tier: i % 2 === 0 ? "strategic" : "key" });
    await t.db.transaction((tx) => seedDemoService(tx, org.orgId));
    await t.db.transaction((tx) => seedDemoService(tx, org.orgId));

    expect((await org.get("/api/service/policies")).json().items.every((p: { isDefault: boolean }) => !p.isDefault)).toBe(true);
    expect((await org.get("/api/service/calendar")).json().holidays.length).toBeGreaterThan(5);
    const list = (await org.get("/api/cases?limit=500")).json();
    expect(list.items).toHaveLength(40);
    const metrics = (await org.get("/api/service/metrics?by=tier&months=6")).json();
    const monthly = metrics.periods.flatMap((period: string) => {
      const rows = metrics.rows.filter((r: { period: string; firstResponse: unknown }) => r.period === period && r.firstResponse);
      const count = rows.reduce((sum: number, r: { firstResponse: { count: number } }) => sum + r.firstResponse.count, 0);
      // The current month may have no answered case yet (early in the month): it says nothing about the trend.
      return count === 0 ? [] : [rows.reduce((sum: number, r: { firstResponse: { mean: number; count: number } }) => sum + r.firstResponse.mean * r.firstResponse.count, 0) / count];
    });
    expect(monthly.length).toBeGreaterThanOrEqual(4);
    expect(monthly[0]).toBeGreaterThan(monthly[monthly.length - 1] * 2);
  });
});
