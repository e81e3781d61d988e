import { auditLog, notifications, tasks } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildInteraction } from "@openkam/db/testing/builders-activity";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { scopeOf } from "../../tenancy/scope";
import { createFeedbackItem, transitionFeedback } from "./feedback.service";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const scopeFor = (c: Client) => scopeOf({ orgId: c.orgId, userId: c.userId, role: c.role, tokenId: null } as Parameters<typeof scopeOf>[0]);

describe("closed feedback loop", () => {
  it("walks an item through the loop, refusing skipped steps, planning a task in another department and reporting it", async () => {
    const am = await t.newUser(admin.orgId, "account_manager");
    const engineer = await t.newUser(admin.orgId, "member");
    const outsider = await t.newUser(admin.orgId, "member");
    const director = await t.newUser(admin.orgId, "director");
    const account = await buildAccount(t.db, admin.orgId, { name: "Acme Loop", tier: "key", ownerUserId: am.userId });
    await buildTeamMember(t.db, admin.orgId, account.id, am.userId);

    const created = await am.post("/api/feedback", { accountId: account.id, source: "manual", title: "  Delivery notes arrive late ", severity: "high", category: "logistics", area: "Shipping" });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ title: "Delivery notes arrive late", status: "new", ownerUserId: am.userId, accountName: "Acme Loop", overdue: false, nextStatuses: ["acknowledged"], version: 1 });
    const id: string = item.id;

    const skip = await am.post(`/api/feedback/${id}/transitions`, { to: "closed" });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toBe("Feedback that is new can only move to acknowledged, not to closed");
    expect((await am.post(`/api/feedback/${id}/transitions`, { to: "acknowledged" })).json()).toMatchObject({ status: "acknowledged", version: 2, nextStatuses: ["planned"] });

    const noTask = await am.post(`/api/feedback/${id}/transitions`, { to: "planned" });
    expect(noTask.statusCode).toBe(400);
    expect(noTask.json().errors).toEqual([{ field: "task", message: expect.stringContaining("needs its action") }]);
    const badAssignee = await am.post(`/api/feedback/${id}/transitions`, { to: "planned", task: { title: "Fix", assigneeUserId: "0190a0a0-0000-7000-8000-000000000000" } });
    expect(badAssignee.json().errors[0].field).toBe("assigneeUserId");
    expect(await t.db.orm.select().from(tasks).where(and(eq(tasks.orgId, admin.orgId), eq(tasks.sourceId, id)))).toHaveLength(0);

    const planned = await am.post(`/api/feedback/${id}/transitions`, { to: "planned", task: { title: "Print delivery notes at dispatch", assigneeUserId: engineer.userId, dueDate: "2030-01-15", priority: "high" } });
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({ status: "planned", action: { title: "Print delivery notes at dispatch", status: "todo", assigneeUserId: engineer.userId, dueDate: "2030-01-15" } });
    const taskId: string = planned.json().action.id;
    // The assignee works in another department: not on the account team, yet sees the task and the item.
    expect((await engineer.get(`/api/tasks/${taskId}`)).json()).toMatchObject({ source: { type: "feedback", id }, accountId: account.id });
    expect((await engineer.get(`/api/feedback/${id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/feedback/${id}`)).statusCode).toBe(404);
    expect((await outsider.get("/api/feedback")).json().items).toEqual([]);
    const [notice] = await t.db.orm.select().from(notifications).where(and(eq(notifications.orgId, admin.orgId), eq(notifications.userId, engineer.userId)));
    expect(notice).toMatchObject({ kind: "feedback_assigned", data: { feedbackId: id, reason: "action" } });
    expect((await engineer.get("/api/notifications")).json().items[0].link).toBe(`/feedback/${id}`);

    expect((await am.post(`/api/feedback/${id}/transitions`, { to: "done" })).json()).toMatchObject({ status: "done", action: { status: "done" } });
    const silent = await am.post(`/api/feedback/${id}/transitions`, { to: "informed", note: "  " });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().errors[0]).toEqual({ field: "note", message: "Say how the customer was told (a call, an e-mail, the QBR …)" });
    await am.post(`/api/feedback/${id}/transitions`, { to: "informed", note: "Told the buyer on the monthly call" });
    const closed = (await am.post(`/api/feedback/${id}/transitions`, { to: "closed" }, { "if-match": '"5"' })).json();
    expect(closed).toMatchObject({ status: "closed", version: 6, nextStatuses: [] });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.transitions.map((x: { to: string }) => x.to)).toEqual(["acknowledged", "planned", "done", "informed", "closed"]);
    const total = Object.values(closed.timeInStateMs as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(total).toBeGreaterThanOrEqual(0);

    const reopenAm = await am.post(`/api/feedback/${id}/transitions`, { to: "acknowledged", note: "Still late" });
    expect(reopenAm.statusCode).toBe(403);
    expect(reopenAm.json().detail).toBe("Only directors and admins can reopen closed feedback");

    const report = (await am.get(`/api/accounts/${account.id}/feedback/report`)).json();
    expect(report).toMatchObject({ account: { id: account.id, name: "Acme Loop" }, total: 1, byCategory: [{ category: "logistics", count: 1 }] });
    expect(report.entries[0]).toMatchObject({ youSaid: "Delivery notes arrive late", weDid: "Print delivery notes at dispatch", howWeTold: "Told the buyer on the monthly call", daysToClose: 0 });
    expect((await am.get(`/api/accounts/${account.id}/feedback/report?from=2020-01-01&to=2020-12-31`)).json().total).toBe(0);
    expect((await am.get(`/api/accounts/${account.id}/feedback/report?from=2026-02-01&to=2026-01-01`)).statusCode).toBe(400);
    expect((await outsider.get(`/api/accounts/${account.id}/feedback/report`)).statusCode).toBe(404);

    const metrics = (await director.get(`/api/feedback/metrics?accountId=${account.id}`)).json();
    expect(metrics).toMatchObject({ total: 1, overdue: 0, openByStatus: { new: 0, acknowledged: 0 }, closure: { count: 1 }, timeInState: { planned: { count: 1 } } });

    const reopened = await director.post(`/api/feedback/${id}/transitions`, { to: "acknowledged", note: "The customer says it happens again" });
    expect(reopened.json()).toMatchObject({ status: "acknowledged", closedAt: null });

    const audit = await t.db.orm.select().from(auditLog).where(and(eq(auditLog.orgId, admin.orgId), eq(auditLog.entityType, "feedback"), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "update", "update", "update", "update", "update", "update"]);
    expect(await t.db.orm.select().from(auditLog).where(and(eq(auditLog.entityType, "task"), eq(auditLog.entityId, taskId)))).toHaveLength(2);
  });

  it("records feedback from an interaction or an e-mail with checked sources, filters the list and guards edits", async () => {
    const am = await t.newUser(admin.orgId, "account_manager");
    const viewer = await t.newUser(admin.orgId, "viewer");
    const account = await buildAccount(t.db, admin.orgId, { name: "Filter Co" });
    const other = await buildAccount(t.db, admin.orgId, { name: "Other Co" });
    await buildTeamMember(t.db, admin.orgId, account.id, am.userId);
    const visit = await buildInteraction(t.db, admin.orgId, account.id);
    const elsewhere = await buildInteraction(t.db, admin.orgId, other.id);

    const missing = await am.post("/api/feedback", { accountId: account.id, source: "interaction", title: "x", severity: "low" });
    expect(missing.json().errors).toEqual([{ field: "body.sourceId", message: "Feedback from an interaction names it" }]);
    const wrong = await am.post("/api/feedback", { accountId: account.id, source: "interaction", sourceId: elsewhere.id, title: "x", severity: "low" });
    expect(wrong.json().errors).toEqual([{ field: "sourceId", message: "The interaction does not exist on this account" }]);
    const badMail = await am.post("/api/feedback", { accountId: account.id, source: "email", title: "Mail", severity: "low" });
    expect(badMail.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(["body.description", "body.emailFrom"]);
    expect((await am.post("/api/feedback", { accountId: other.id, source: "manual", title: "x", severity: "low" })).json().errors[0].field).toBe("accountId");
    expect((await viewer.post("/api/feedback", { accountId: account.id, source: "manual", title: "x", severity: "low" })).statusCode).toBe(403);

    const fromVisit = (await am.post("/api/feedback", { accountId: account.id, source: "interaction", sourceId: visit.id, title: "Wants a named contact", severity: "critical", ownerUserId: admin.userId })).json();
    const fromMail = (await am.post("/api/feedback", {
      accountId: account.id, source: "email", title: "Invoice format", severity: "low", description: "Dear team, the invoices …", emailFrom: "buyer@filter.example", emailSentAt: "2026-03-01T08:30:00+08:00",
    })).json();
    expect(fromMail).toMatchObject({ source: "email", emailFrom: "buyer@filter.example", emailSentAt: "2026-03-01T00:30:00.000Z" });
    const [ownerNotice] = await t.db.orm.select().from(notifications).where(and(eq(notifications.orgId, admin.orgId), eq(notifications.userId, admin.userId)));
    expect(ownerNotice).toMatchObject({ kind: "feedback_assigned", data: { feedbackId: fromVisit.id, reason: "owner" } });

    const ids = async (c: Client, q: string) => ((await c.get(`/api/feedback?accountId=${account.id}${q}`)).json().items as Array<{ id: string }>).map((i) => i.id);
    expect(await ids(am, "")).toEqual([fromMail.id, fromVisit.id]);
    expect(await ids(am, "&severity=critical")).toEqual([fromVisit.id]);
    expect(await ids(am, `&source=interaction&sourceId=${visit.id}`)).toEqual([fromVisit.id]);
    expect(await ids(am, `&ownerUserId=${admin.userId}`)).toEqual([fromVisit.id]);
    expect(await ids(am, "&status=new&status=closed&limit=1")).toEqual([fromMail.id]);
    expect(await ids(viewer, "")).toEqual([]);
    expect(await ids(admin, "&overdue=true")).toEqual([]);
    await t.db.orm.execute(sql`update feedback_items set status_changed_at = now() - interval '2 days' where id = ${fromVisit.id}`);
    expect(await ids(admin, "&overdue=true")).toEqual([fromVisit.id]);
    expect((await admin.get(`/api/feedback/${fromVisit.id}`)).json()).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect((await am.get("/api/feedback?severity=urgent")).statusCode).toBe(400);

    expect((await am.patch(`/api/feedback/${fromMail.id}`, { severity: "high" }, { "if-match": '"9"' })).statusCode).toBe(412);
    expect((await am.patch(`/api/feedback/${fromMail.id}`, { severity: "high", version: 9 })).statusCode).toBe(409);
    expect((await am.patch(`/api/feedback/${fromMail.id}`, { severity: "high", area: "Billing", version: 1 })).json()).toMatchObject({ severity: "high", area: "Billing", version: 2 });
    expect((await am.delete(`/api/feedback/${fromMail.id}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/feedback/${fromMail.id}?version=2`)).statusCode).toBe(204);
    expect((await am.get(`/api/feedback/${fromMail.id}`)).statusCode).toBe(404);
  });

  it("joins the caller's transaction: a rolled-back plan leaves neither the task nor the move, a rolled-back creation no item", async () => {
    const account = await buildAccount(t.db, admin.orgId, { name: "Rollback Co" });
    const scope = scopeFor(admin);
    const { id } = await t.db.transaction((tx) => createFeedbackItem(tx, scope, { accountId: account.id, source: "manual", title: "Kept", severity: "medium" }));
    await admin.post(`/api/feedback/${id}/transitions`, { to: "acknowledged" });
    await expect(t.db.transaction(async (tx) => {
      const moved = await transitionFeedback({ db: tx, scope, id, input: { to: "planned", task: { title: "Rolled back", assigneeUserId: admin.userId } } });
      expect(moved.action?.title).toBe("Rolled back");
      throw new Error("caller fails after planning");
    })).rejects.toThrow("caller fails after planning");
    expect(await t.db.orm.select().from(tasks).where(and(eq(tasks.orgId, admin.orgId), eq(tasks.sourceId, id)))).toHaveLength(0);
    expect((await admin.get(`/api/feedback/${id}`)).json()).toMatchObject({ status: "acknowledged", action: null, version: 2 });

    await expect(t.db.transaction((tx) => createFeedbackItem(tx, scope, { accountId: account.id, source: "survey", title: "No response named", severity: "low" })))
      .rejects.toMatchObject({ code: "VALIDATION_FAILED", message: "Feedback from a survey names it" });
    let lost = "";
    await expect(t.db.transaction(async (tx) => {
      lost = (await createFeedbackItem(tx, scope, { accountId: account.id, source: "survey", sourceId: account.id, title: "Low NPS", severity: "high" })).id;
      throw new Error("survey response refused");
    })).rejects.toThrow();
    expect((await admin.get(`/api/feedback/${lost}`)).statusCode).toBe(404);
  });
});
