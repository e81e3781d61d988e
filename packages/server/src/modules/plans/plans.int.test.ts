import { accountPlans, accountPlanVersions, auditLog, tasks } from "@openkam/db";
import { seedDemoPlans } from "@openkam/db/seed/demo-plans";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { and, eq } from "drizzle-orm";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const year = new Date().getUTCFullYear();
const PERIOD = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
const newPlan = (client: Client, accountId: string, body: Record<string, unknown> = {}) =>
  client.post(`/api/accounts/${accountId}/plans`, { templateKey: "strategic", title: "2026 战略客户计划", ...PERIOD, locale: "zh-CN", ...body });

/** The text of a PDF's streams, inflated where compressed: enough to find fonts and CMaps without a parser. */
function pdfStreams(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    try {
      out.push(inflateSync(raw).toString("latin1"));
    } catch {
      out.push(raw.toString("latin1"));
    }
    re.lastIndex = end;
  }
  return out.join("\n");
}
const hexOf = (char: string) => char.codePointAt(0)!.toString(16).padStart(4, "0");

describe("account plans", () => {
  it("offers built-in templates in both languages", async () => {
    const en = (await admin.get("/api/plan-templates")).json();
    const zh = (await admin.get("/api/plan-templates?lang=zh-CN")).json();
    expect(en.items.map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining(["strategic", "growth"]));
    expect(zh.items.find((x: { key: string }) => x.key === "strategic").name).toBe("战略客户计划");
  });

  it("creates a plan from a template, saves versions, links actions to tasks and goes through approval", async () => {
    const account = await buildAccount(t.db, admin.orgId, { name: "华东精密", tier: "strategic" });
    const created = await newPlan(admin, account.id);
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(created.headers.etag).toBe('"1"');
    expect(plan).toMatchObject({ status: "draft", version: 1, templateKey: "strategic", progress: 0 });
    expect(plan.content.objectives.map((o: { kpiKind: string }) => o.kpiKind)).toEqual(["revenue", "share_of_wallet", "satisfaction"]);
    expect(plan.content.swot.strengths).toHaveLength(1);
    // The template's action is on the task board already.
    expect(plan.content.actions[0].taskId).toEqual(expect.any(String));

    const objective = { id: "0190f000-0000-7000-8000-000000000001", title: "提升钱包份额", kpiKind: "share_of_wallet", unit: "%", baseline: 20, target: 40, current: 30, weight: 1 };
    const action = { id: "0190f000-0000-7000-8000-000000000002", title: "安排高层拜访", ownerUserId: admin.userId, dueDate: `${year}-03-15`, status: "todo", progress: 0, objectiveId: objective.id, taskId: null };
    const content = { ...plan.content, objectives: [objective], actions: [...plan.content.actions, action], risks: [{ id: "0190f000-0000-7000-8000-000000000003", description: "预算冻结", likelihood: "medium", impact: "high", mitigation: "提前锁定框架协议" }] };
    const saved = await admin.patch(`/api/plans/${plan.id}`, { content }, { "if-match": '"1"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, progress: 50, actionCompletion: 0 });
    const taskId = saved.json().content.actions[1].taskId;
    const [task] = await t.db.orm.select().from(tasks).where(and(eq(tasks.orgId, admin.orgId), eq(tasks.id, taskId)));
    expect(task).toMatchObject({ title: "安排高层拜访", sourceType: "plan", sourceId: plan.id, accountId: account.id, dueDate: `${year}-03-15`, assigneeUserId: admin.userId });

    // A changed action moves its task; the task keeps its id.
    const done = { ...saved.json().content, actions: saved.json().content.actions.map((a: { id: string }) => (a.id === action.id ? { ...a, status: "done", progress: 100 } : a)) };
    const v3 = await admin.patch(`/api/plans/${plan.id}`, { content: done, version: 2 });
    expect(v3.json()).toMatchObject({ version: 3, actionCompletion: 50 });
    const [moved] = await t.db.orm.select().from(tasks).where(and(eq(tasks.orgId, admin.orgId), eq(tasks.id, taskId)));
    expect(moved!.status).toBe("done");

    const submitted = await admin.post(`/api/plans/${plan.id}/submit`, { version: 3 });
    expect(submitted.json()).toMatchObject({ status: "submitted", version: 4 });
    expect((await admin.patch(`/api/plans/${plan.id}`, { title: "x", version: 4 })).statusCode).toBe(422);

    const director = await t.newUser(admin.orgId, "director");
    const back = await director.post(`/api/plans/${plan.id}/request-changes`, { comment: "请补充风险应对", version: 4 });
    expect(back.json()).toMatchObject({ status: "changes_requested", reviewComment: "请补充风险应对" });
    await admin.post(`/api/plans/${plan.id}/submit`, { version: 5 });
    const approved = await admin.post(`/api/plans/${plan.id}/approve`, { version: 6 });
    expect(approved.json()).toMatchObject({ status: "approved", approvedVersion: 6, approvedBy: admin.userId, version: 7 });

    // Editing an approved plan reopens it as a draft and keeps the approved version on record.
    const edited = await admin.patch(`/api/plans/${plan.id}`, { title: "2026 战略客户计划（修订）", version: 7 });
    expect(edited.json()).toMatchObject({ status: "draft", approvedVersion: 6, version: 8 });

    const versions = (await admin.get(`/api/plans/${plan.id}/versions`)).json().items;
    expect(versions.map((v: { version: number; change: string }) => `${v.version}:${v.change}`)).toEqual([
      "8:update", "7:approve", "6:submit", "5:request_changes", "4:submit", "3:update", "2:update", "1:create",
    ]);
    const v1 = (await admin.get(`/api/plans/${plan.id}/versions/1`)).json();
    expect(v1).toMatchObject({ version: 1, status: "draft", title: "2026 战略客户计划" });
    expect(v1.content.risks).toEqual([]);
    expect((await admin.get(`/api/plans/${plan.id}/versions/99`)).statusCode).toBe(404);

    const list = (await admin.get(`/api/accounts/${account.id}/plans`)).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: plan.id, status: "draft", progress: 50 });
    expect(list[0].content).toBeUndefined();

    const audit = await t.db.orm.select().from(auditLog).where(and(eq(auditLog.orgId, admin.orgId), eq(auditLog.entityType, "account_plan"), eq(auditLog.entityId, plan.id)));
    expect(audit).toHaveLength(8);
  });

  it("renders a PDF with the Chinese title in an embedded CJK font", async () => {
    const account = await buildAccount(t.db, admin.orgId, { name: "深圳电子" });
    const plan = (await newPlan(admin, account.id, { title: "年度增长计划" })).json();
    const res = await admin.get(`/api/plans/${plan.id}/pdf?lang=zh-CN`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf.toString("latin1")).toContain("/FontFile2");
    // Every character of the title maps back to its Unicode value, so the text can be searched and copied.
    const cmaps = pdfStreams(pdf).toLowerCase();
    for (const char of "年度增长计划深圳电子") expect(cmaps).toContain(`<${hexOf(char)}>`);
    expect((await admin.get(`/api/plans/${plan.id}/pdf?lang=fr`)).statusCode).toBe(400);
  });

  it("refuses actions due before the plan starts, bad periods and hostile input with 400", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const plan = (await newPlan(admin, account.id)).json();
    const early = { ...plan.content, actions: [{ ...plan.content.actions[0], dueDate: `${year - 1}-12-31` }] };
    const res = await admin.patch(`/api/plans/${plan.id}`, { content: early, version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors[0]).toMatchObject({ field: "content.actions.0.dueDate" });
    expect((await newPlan(admin, account.id, { periodStart: `${year}-12-31`, periodEnd: `${year}-01-01` })).statusCode).toBe(400);
    expect((await newPlan(admin, account.id, { title: "x".repeat(10_000) })).statusCode).toBe(400);
    expect((await newPlan(admin, account.id, { templateKey: "nope" })).statusCode).toBe(400);
    expect((await newPlan(admin, account.id, { periodStart: "2026-02-30" })).statusCode).toBe(400);
    const badKpi = { ...plan.content, objectives: [{ id: plan.content.objectives[0].id, title: "x", kpiKind: "vibes", unit: "", baseline: 0, target: 1, current: null, weight: 1 }] };
    expect((await admin.patch(`/api/plans/${plan.id}`, { content: badKpi, version: 1 })).statusCode).toBe(400);
    const orphan = { ...plan.content, actions: [{ ...plan.content.actions[0], objectiveId: "0190f000-0000-7000-8000-00000000abcd" }] };
    expect((await admin.patch(`/api/plans/${plan.id}`, { content: orphan, version: 1 })).statusCode).toBe(400);
    const stranger = { ...plan.content, actions: [{ ...plan.content.actions[0], ownerUserId: "0190f000-0000-7000-8000-00000000abcd" }] };
    expect((await admin.patch(`/api/plans/${plan.id}`, { content: stranger, version: 1 })).statusCode).toBe(400);
    const flood = { ...plan.content, risks: Array.from({ length: 51 }, (_, i) => ({ id: `0190f000-0000-7000-8000-${String(i).padStart(12, "0")}`, description: "r", likelihood: "low", impact: "low", mitigation: "" })) };
    expect((await admin.patch(`/api/plans/${plan.id}`, { content: flood, version: 1 })).statusCode).toBe(400);
    expect((await admin.patch(`/api/plans/${plan.id}`, { content: { ...plan.content, situation: "a\u0000b" }, version: 1 })).statusCode).toBe(400);
    expect((await admin.patch(`/api/plans/${plan.id}`, { content: { ...plan.content, extra: 1 }, version: 1 })).statusCode).toBe(400);
    expect((await admin.get(`/api/plans/${plan.id}/versions/abc`)).statusCode).toBe(400);
    expect((await admin.get(`/api/plans/${plan.id}`)).json().version).toBe(1);
  });

  it("keeps concurrent editors from overwriting each other (412 / 409)", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const plan = (await newPlan(admin, account.id)).json();
    expect((await admin.patch(`/api/plans/${plan.id}`, { title: "A" }, { "if-match": '"1"' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/plans/${plan.id}`, { title: "B" }, { "if-match": '"1"' })).statusCode).toBe(412);
    expect((await admin.patch(`/api/plans/${plan.id}`, { title: "B", version: 1 })).statusCode).toBe(409);
    expect((await admin.patch(`/api/plans/${plan.id}`, { title: "B" })).statusCode).toBe(400);
    expect((await admin.post(`/api/plans/${plan.id}/submit`, { version: 1 })).statusCode).toBe(409);
  });

  it("lets the account team edit, viewers only read, and only directors and admins approve", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const kam = await t.newUser(admin.orgId, "account_manager");
    const outsider = await t.newUser(admin.orgId, "member");
    const viewer = await t.newUser(admin.orgId, "viewer");
    await buildTeamMember(t.db, admin.orgId, account.id, kam.userId);
    await buildTeamMember(t.db, admin.orgId, account.id, viewer.userId);
    const created = await newPlan(kam, account.id);
    expect(created.statusCode).toBe(201);
    const plan = created.json();

    expect((await viewer.get(`/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await viewer.patch(`/api/plans/${plan.id}`, { title: "x", version: 1 })).statusCode).toBe(403);
    expect((await newPlan(viewer, account.id)).statusCode).toBe(403);
    expect((await outsider.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/plans/${plan.id}`, { title: "x", version: 1 })).statusCode).toBe(404);
    expect((await outsider.get(`/api/accounts/${account.id}/plans`)).statusCode).toBe(404);

    expect((await kam.post(`/api/plans/${plan.id}/submit`, { version: 1 })).statusCode).toBe(200);
    expect((await kam.post(`/api/plans/${plan.id}/approve`, { version: 2 })).statusCode).toBe(403);
    expect((await kam.post(`/api/plans/${plan.id}/request-changes`, { comment: "x", version: 2 })).statusCode).toBe(403);
    expect((await kam.post(`/api/plans/${plan.id}/submit`, { version: 2 })).statusCode).toBe(422);
    const director = await t.newUser(admin.orgId, "director");
    expect((await director.post(`/api/plans/${plan.id}/request-changes`, { version: 2 })).statusCode).toBe(400);
    expect((await director.post(`/api/plans/${plan.id}/approve`, { version: 2 })).statusCode).toBe(200);
    expect((await viewer.delete(`/api/plans/${plan.id}`)).statusCode).toBe(403);
    expect((await kam.delete(`/api/plans/${plan.id}`, { "if-match": '"1"' })).statusCode).toBe(412);
    expect((await kam.delete(`/api/plans/${plan.id}`)).statusCode).toBe(204);
    expect((await kam.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it("answers 404 for another organization's plans and accounts, and never attaches a foreign task", async () => {
    const other = await t.newOrgWithUser("admin");
    const theirAccount = await buildAccount(t.db, other.orgId);
    const theirs = (await newPlan(other, theirAccount.id)).json();
    expect((await admin.get(`/api/plans/${theirs.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/plans/${theirs.id}/versions`)).statusCode).toBe(404);
    expect((await admin.get(`/api/plans/${theirs.id}/versions/1`)).statusCode).toBe(404);
    expect((await admin.get(`/api/plans/${theirs.id}/pdf`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/plans/${theirs.id}`, { title: "x", version: 1 })).statusCode).toBe(404);
    expect((await admin.post(`/api/plans/${theirs.id}/approve`, { version: 1 })).statusCode).toBe(404);
    expect((await admin.delete(`/api/plans/${theirs.id}`)).statusCode).toBe(404);
    expect((await newPlan(admin, theirAccount.id)).statusCode).toBe(404);
    expect((await admin.get(`/api/accounts/${theirAccount.id}/plans`)).statusCode).toBe(404);

    const account = await buildAccount(t.db, admin.orgId);
    const mine = (await newPlan(admin, account.id)).json();
    const hijack = { ...mine.content, actions: [{ ...mine.content.actions[0], taskId: theirs.content.actions[0].taskId }] };
    const saved = (await admin.patch(`/api/plans/${mine.id}`, { content: hijack, version: 1 })).json();
    expect(saved.content.actions[0].taskId).not.toBe(theirs.content.actions[0].taskId);
    const [theirTask] = await t.db.orm.select().from(tasks).where(and(eq(tasks.orgId, other.orgId), eq(tasks.id, theirs.content.actions[0].taskId)));
    expect(theirTask!.sourceId).toBe(theirs.id);
  });
});

describe("demo plans", () => {
  it("seeds an approved and a draft plan on the strategic accounts, readable through the API", async () => {
    const org = await t.newOrgWithUser("admin");
    const director = await t.newUser(org.orgId, "director");
    for (const name of ["甲客户", "乙客户"]) await buildAccount(t.db, org.orgId, { name, tier: "strategic", ownerUserId: director.userId });
    await buildAccount(t.db, org.orgId, { name: "丙客户", tier: "standard" });
    await t.db.transaction((tx) => seedDemoPlans(tx, org.orgId));

    const plans = await t.db.orm.select().from(accountPlans).where(eq(accountPlans.orgId, org.orgId));
    expect(plans.map((p) => p.status).sort()).toEqual(["approved", "draft"]);
    const approved = plans.find((p) => p.status === "approved")!;
    expect(approved).toMatchObject({ approvedVersion: 2, approvedBy: director.userId, version: 3 });
    const versions = await t.db.orm.select().from(accountPlanVersions).where(and(eq(accountPlanVersions.orgId, org.orgId), eq(accountPlanVersions.planId, approved.id)));
    expect(versions).toHaveLength(3);

    const plan = (await org.get(`/api/plans/${approved.id}`)).json();
    expect(plan.progress).toBeGreaterThan(0);
    const taskIds = plan.content.actions.map((a: { taskId: string }) => a.taskId);
    const linked = await t.db.orm.select().from(tasks).where(and(eq(tasks.orgId, org.orgId), eq(tasks.sourceId, approved.id)));
    expect(linked.map((x) => x.id).sort()).toEqual([...taskIds].sort());
    // The seeded plan can be edited like any other.
    expect((await org.patch(`/api/plans/${approved.id}`, { content: plan.content, version: 3 })).statusCode).toBe(200);
    expect((await org.get(`/api/plans/${approved.id}/pdf?lang=zh-CN`)).statusCode).toBe(200);
  });
});
