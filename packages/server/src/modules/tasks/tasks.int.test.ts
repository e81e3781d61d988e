import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildTask } from "@openkam/db/testing/builders-activity";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  accountId = (await buildAccount(t.db, admin.orgId)).id;
});
afterAll(async () => t?.close());

const ids = (res: { json: () => { items: Array<{ id: string }> } }) => res.json().items.map((x) => x.id);
const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("tasks", () => {
  it("creates, reads with an ETag, and updates a task", async () => {
    const res = await admin.post("/api/tasks", { title: "  Prepare QBR deck ", accountId, assigneeUserId: admin.userId, dueDate: "2030-01-31", priority: "high" });
    expect(res.statusCode).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({ title: "Prepare QBR deck", status: "todo", priority: "high", completedAt: null, createdBy: admin.userId, version: 1 });
    const got = await admin.get(`/api/tasks/${task.id}`);
    expect(got.headers.etag).toBe('"1"');
    const patched = await admin.patch(`/api/tasks/${task.id}`, { description: "Use the 2029 figures", version: 1 });
    expect(patched.json()).toMatchObject({ description: "Use the 2029 figures", version: 2 });
  });

  it("answers bad input with problem details per field", async () => {
    const res = await admin.post("/api/tasks", { title: "", status: "waiting", priority: "critical", dueDate: "tomorrow", position: "first" });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.title", "body.status", "body.priority", "body.dueDate", "body.position"]));

    const outsider = await t.newOrgWithUser("admin");
    const badAssignee = await admin.post("/api/tasks", { title: "x", assigneeUserId: outsider.userId });
    expect(badAssignee.statusCode).toBe(400);
    expect(badAssignee.json().errors[0].field).toBe("assigneeUserId");
    const inactive = await t.newUser(admin.orgId, "member");
    await t.db.rows(sql`update memberships set is_active = false where user_id = ${inactive.userId}`);
    expect((await admin.post("/api/tasks", { title: "x", assigneeUserId: inactive.userId })).json().errors[0].field).toBe("assigneeUserId");
    const badAccount = await admin.post("/api/tasks", { title: "x", accountId: (await buildAccount(t.db, outsider.orgId)).id });
    expect(badAccount.json().errors[0].field).toBe("accountId");
  });

  it("sets completedAt when a task moves to done and clears it when it moves back", async () => {
    const task = (await admin.post("/api/tasks", { title: "Send proposal" })).json();
    const doing = (await admin.patch(`/api/tasks/${task.id}`, { status: "in_progress", version: 1 })).json();
    expect(doing.completedAt).toBeNull();
    const done = (await admin.patch(`/api/tasks/${task.id}`, { status: "done", version: 2 })).json();
    expect(done.status).toBe("done");
    expect(Date.now() - Date.parse(done.completedAt)).toBeLessThan(60_000);
    const renamed = (await admin.patch(`/api/tasks/${task.id}`, { title: "Send final proposal", version: 3 })).json();
    expect(renamed.completedAt).toBe(done.completedAt);
    const reopened = (await admin.patch(`/api/tasks/${task.id}`, { status: "todo", version: 4 })).json();
    expect(reopened.completedAt).toBeNull();
    const createdDone = (await admin.post("/api/tasks", { title: "Already done", status: "done" })).json();
    expect(createdDone.completedAt).not.toBeNull();
  });

  it("refuses stale versions with 412 (If-Match) and 409 (body), and requires a version", async () => {
    const task = (await admin.post("/api/tasks", { title: "Versioned" })).json();
    expect((await admin.patch(`/api/tasks/${task.id}`, { priority: "low" }, { "if-match": '"1"' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/tasks/${task.id}`, { priority: "urgent" }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ priority: "low", version: 2 });
    expect((await admin.patch(`/api/tasks/${task.id}`, { priority: "urgent", version: 1 })).statusCode).toBe(409);
    expect((await admin.patch(`/api/tasks/${task.id}`, { priority: "urgent" })).statusCode).toBe(400);
    expect((await admin.get(`/api/tasks/${task.id}`)).json().priority).toBe("low");
  });

  it("filters by mine, overdue and several statuses, and sorts by priority and due date across pages", async () => {
    const c = await t.newOrgWithUser("director");
    const colleague = await t.newUser(c.orgId, "member");
    const make = async (body: Record<string, unknown>) => (await c.post("/api/tasks", body)).json().id as string;
    const late = await make({ title: "late", dueDate: daysFromToday(-3), assigneeUserId: c.userId, priority: "low" });
    const lateDone = await make({ title: "late but done", dueDate: daysFromToday(-3), status: "done", assigneeUserId: c.userId });
    const lateCancelled = await make({ title: "late but cancelled", dueDate: daysFromToday(-5), status: "cancelled" });
    const today = await make({ title: "due today", dueDate: daysFromToday(0), assigneeUserId: colleague.userId, priority: "urgent" });
    const future = await make({ title: "future", dueDate: daysFromToday(10), status: "blocked", priority: "high" });
    const undated = await make({ title: "undated", assigneeUserId: c.userId, status: "in_progress" });
    await t.db.rows(sql`update organizations set timezone = 'UTC' where id = ${c.orgId}`);

    expect(ids(await c.get("/api/tasks?overdue=true"))).toEqual([late]);
    expect(new Set(ids(await c.get("/api/tasks?mine=true")))).toEqual(new Set([late, lateDone, undated]));
    expect(ids(await c.get(`/api/tasks?assigneeUserId=${colleague.userId}`))).toEqual([today]);
    expect(new Set(ids(await c.get("/api/tasks?status=blocked&status=in_progress")))).toEqual(new Set([future, undated]));
    expect(ids(await c.get("/api/tasks?status=cancelled"))).toEqual([lateCancelled]);

    const byDue: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await c.get(`/api/tasks?sort=dueDate&limit=2${cursor ? `&cursor=${cursor}` : ""}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      byDue.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(byDue.slice(0, 2)).toEqual(expect.arrayContaining([lateCancelled]));
    expect(byDue[0]).toBe(lateCancelled);
    expect(new Set(byDue.slice(1, 3))).toEqual(new Set([late, lateDone]));
    expect(byDue.slice(3)).toEqual([today, future, undated]);

    const byPriority = ids(await c.get("/api/tasks?sort=priority&status=todo&status=blocked&status=in_progress"));
    expect(byPriority).toEqual([today, future, undated, late]);
    expect(ids(await c.get("/api/tasks?sort=-dueDate&status=blocked&status=todo&status=in_progress"))).toEqual([future, today, late, undated]);
  });

  it("puts new and moved tasks at the end of their board column and sorts by position", async () => {
    const c = await t.newOrgWithUser("admin");
    const a = (await c.post("/api/tasks", { title: "a" })).json();
    const b = (await c.post("/api/tasks", { title: "b" })).json();
    expect(b.position).toBeGreaterThan(a.position);
    const between = (await c.post("/api/tasks", { title: "between", position: (a.position + b.position) / 2 })).json();
    expect(ids(await c.get("/api/tasks?status=todo&sort=position"))).toEqual([a.id, between.id, b.id]);
    expect(ids(await c.get("/api/tasks?status=todo&sort=-position&limit=1"))).toEqual([b.id]);
    const page2 = (await c.get(`/api/tasks?status=todo&sort=position&limit=2&cursor=${(await c.get("/api/tasks?status=todo&sort=position&limit=2")).json().nextCursor}`)).json();
    expect(page2.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const moved = (await c.patch(`/api/tasks/${a.id}`, { status: "in_progress", version: 1 })).json();
    const other = (await c.post("/api/tasks", { title: "c", status: "in_progress" })).json();
    expect(other.position).toBeGreaterThan(moved.position);
  });

  it("shows a task without an account to its creator, its assignee and directors/admins only", async () => {
    const creator = await t.newUser(admin.orgId, "member");
    const assignee = await t.newUser(admin.orgId, "member");
    const bystander = await t.newUser(admin.orgId, "account_manager");
    const director = await t.newUser(admin.orgId, "director");
    const task = (await creator.post("/api/tasks", { title: "Personal follow-up", assigneeUserId: assignee.userId })).json();
    for (const c of [creator, assignee, director, admin]) expect((await c.get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
    expect((await bystander.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect(ids(await bystander.get("/api/tasks"))).not.toContain(task.id);
    expect(ids(await assignee.get("/api/tasks?mine=true"))).toEqual([task.id]);
    expect((await bystander.patch(`/api/tasks/${task.id}`, { title: "hijack", version: 1 })).statusCode).toBe(404);
    expect((await bystander.delete(`/api/tasks/${task.id}`)).statusCode).toBe(404);
  });

  it("makes a task on an account follow the account's visibility, and keeps viewers read-only", async () => {
    const task = (await admin.post("/api/tasks", { title: "Account task", accountId })).json();
    const manager = await t.newUser(admin.orgId, "account_manager");
    expect((await manager.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await manager.post("/api/tasks", { title: "x", accountId })).statusCode).toBe(400);
    await buildTeamMember(t.db, admin.orgId, accountId, manager.userId);
    expect((await manager.get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
    expect(ids(await manager.get(`/api/tasks?accountId=${accountId}`))).toContain(task.id);

    const viewer = await t.newUser(admin.orgId, "viewer");
    await buildTeamMember(t.db, admin.orgId, accountId, viewer.userId);
    expect((await viewer.get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
    expect((await viewer.post("/api/tasks", { title: "nope" })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/tasks/${task.id}`, { title: "nope", version: 1 })).statusCode).toBe(403);
    expect((await viewer.delete(`/api/tasks/${task.id}`)).statusCode).toBe(403);
  });

  it("deletes a task, keeping it in the audit trail", async () => {
    const task = (await admin.post("/api/tasks", { title: "Short-lived", accountId })).json();
    expect((await admin.delete(`/api/tasks/${task.id}`, { "if-match": '"7"' })).statusCode).toBe(412);
    expect((await admin.delete(`/api/tasks/${task.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    const history = await t.db.rows<{ action: string; before: unknown }>(sql`select action, before from audit_log where entity_id = ${task.id} order by id`);
    expect(history.map((h) => h.action)).toEqual(["create", "delete"]);
  });

  it("never lets another organization read, list, change or delete a task", async () => {
    const task = (await admin.post("/api/tasks", { title: "Org A secret", accountId })).json();
    const personal = await buildTask(t.db, admin.orgId, { title: "Org A personal", createdBy: admin.userId });
    const intruder = await t.newOrgWithUser("admin");
    for (const id of [task.id, personal.id]) {
      expect((await intruder.get(`/api/tasks/${id}`)).statusCode).toBe(404);
      expect((await intruder.patch(`/api/tasks/${id}`, { title: "mine", version: 1 })).statusCode).toBe(404);
      expect((await intruder.delete(`/api/tasks/${id}`)).statusCode).toBe(404);
    }
    expect((await intruder.get("/api/tasks")).json().items).toEqual([]);
    expect((await intruder.get(`/api/tasks?accountId=${accountId}`)).json().items).toEqual([]);
    expect((await admin.get(`/api/tasks/${task.id}`)).json()).toEqual(task);
    expect((await admin.get(`/api/tasks/${personal.id}`)).json().title).toBe("Org A personal");
  });
});
