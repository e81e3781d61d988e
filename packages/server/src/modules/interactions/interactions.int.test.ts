import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildContact } from "@openkam/db/testing/builders-activity";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let accountId: string;
let otherAccountId: string;
let contactA: string;
let contactB: string;
let foreignContact: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  accountId = (await buildAccount(t.db, admin.orgId)).id;
  otherAccountId = (await buildAccount(t.db, admin.orgId)).id;
  contactA = (await buildContact(t.db, admin.orgId, accountId, { name: "王芳" })).id;
  contactB = (await buildContact(t.db, admin.orgId, accountId, { name: "Li Wei" })).id;
  foreignContact = (await buildContact(t.db, admin.orgId, otherAccountId)).id;
});
afterAll(async () => t?.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const create = (c: Client, body: Record<string, unknown>) =>
  c.post("/api/interactions", { accountId, type: "visit", occurredAt: hoursFromNow(-24), subject: "Plant visit", ...body });
const ids = (res: { json: () => { items: Array<{ id: string }> } }) => res.json().items.map((x) => x.id);

describe("interactions", () => {
  it("records an interaction with attending contacts and users, and reads it back", async () => {
    const colleague = await t.newUser(admin.orgId, "member");
    const res = await create(admin, {
      durationMinutes: 90, summary: "Walked the new line", outcome: "Positive", nextStep: "Send the retrofit quote",
      contactIds: [contactA, contactB], userIds: [admin.userId, colleague.userId],
    });
    expect(res.statusCode).toBe(201);
    const interaction = res.json();
    expect(interaction).toMatchObject({ type: "visit", planned: false, durationMinutes: 90, createdBy: admin.userId, version: 1 });
    expect([...interaction.contactIds].sort()).toEqual([contactA, contactB].sort());
    expect([...interaction.userIds].sort()).toEqual([admin.userId, colleague.userId].sort());
    const got = await admin.get(`/api/interactions/${interaction.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(interaction);
  });

  it("marks a future interaction as planned", async () => {
    const planned = (await create(admin, { type: "qbr", occurredAt: hoursFromNow(72), subject: "Q3 business review" })).json();
    expect(planned.planned).toBe(true);
  });

  it("answers bad input and wrong attendees with problem details per field", async () => {
    const res = await admin.post("/api/interactions", { accountId, type: "lunch", occurredAt: "yesterday", subject: " ", durationMinutes: -5, contactIds: [contactA, contactA] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(["body.type", "body.occurredAt", "body.subject", "body.durationMinutes", "body.contactIds"]),
    );
    const outsider = await t.newOrgWithUser("admin");
    const wrong = await create(admin, { contactIds: [contactA, foreignContact], userIds: [outsider.userId] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { field: "contactIds.1", message: "Not a contact of this account" },
      { field: "userIds.0", message: "Not an active member of this organization" },
    ]);
  });

  it("updates with versions, replacing attendees, and checks kept contacts when the account changes", async () => {
    const interaction = (await create(admin, { contactIds: [contactA] })).json();
    const patched = await admin.patch(`/api/interactions/${interaction.id}`, { outcome: "Signed", contactIds: [contactB] }, { "if-match": '"1"' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ outcome: "Signed", contactIds: [contactB], version: 2 });
    expect((await admin.patch(`/api/interactions/${interaction.id}`, { outcome: "x" }, { "if-match": '"1"' })).statusCode).toBe(412);
    const conflict = await admin.patch(`/api/interactions/${interaction.id}`, { outcome: "x", version: 1 });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().current).toMatchObject({ outcome: "Signed", version: 2 });
    expect((await admin.patch(`/api/interactions/${interaction.id}`, { outcome: "x" })).statusCode).toBe(400);

    const moved = await admin.patch(`/api/interactions/${interaction.id}`, { accountId: otherAccountId, version: 2 });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0].field).toBe("contactIds.0");
    const movedWithContacts = await admin.patch(`/api/interactions/${interaction.id}`, { accountId: otherAccountId, contactIds: [foreignContact], version: 2 });
    expect(movedWithContacts.json()).toMatchObject({ accountId: otherAccountId, contactIds: [foreignContact], version: 3 });
  });

  it("lists newest first by default, filters by account, type and time, and pages", async () => {
    const c = await t.newOrgWithUser("director");
    const acc = (await buildAccount(t.db, c.orgId, { name: "Listed Interactions AG" })).id;
    const other = (await buildAccount(t.db, c.orgId, { name: "Other Interactions Ltd" })).id;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await c.post("/api/interactions", { accountId: acc, type: i % 2 ? "call" : "email", occurredAt: `2025-01-0${i + 1}T09:00:00+08:00`, subject: `Touchpoint ${i}` });
      made.push(res.json().id);
    }
    await c.post("/api/interactions", { accountId: other, type: "call", occurredAt: "2025-01-03T10:00:00Z", subject: "Elsewhere" });

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await c.get(`/api/interactions?accountId=${acc}&limit=2${cursor ? `&cursor=${cursor}` : ""}`)).json() as { items: Array<{ id: string; accountName: string }>; nextCursor: string | null };
      pages.push(...page.items.map((x) => x.id));
      expect(page.items.every((x) => x.accountName === "Listed Interactions AG")).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([...made].reverse());
    expect(ids(await c.get(`/api/interactions?accountId=${acc}&type=call&sort=occurredAt`))).toEqual([made[1], made[3]]);
    expect(ids(await c.get(`/api/interactions?type=call&type=email&from=2025-01-02T00:00:00Z&to=2025-01-03T02:00:00Z`))).toEqual([made[2], made[1]]);
    expect(ids(await c.get(`/api/interactions?q=${encodeURIComponent("touchpoint 4")}`))).toEqual([made[4]]);
    const all = (await c.get("/api/interactions")).json().items as Array<{ accountId: string; accountName: string; subject: string }>;
    expect(all).toHaveLength(6);
    expect(all.filter((x) => x.accountId === other).map((x) => [x.subject, x.accountName])).toEqual([["Elsewhere", "Other Interactions Ltd"]]);
    expect(all.filter((x) => x.accountId === acc).every((x) => x.accountName === "Listed Interactions AG")).toBe(true);
  });

  it("turns the next step into a task on the same account in one call", async () => {
    const assignee = await t.newUser(admin.orgId, "account_manager");
    const interaction = (await create(admin, { nextStep: "Send the retrofit quote" })).json();
    const res = await admin.post(`/api/interactions/${interaction.id}/next-step-task`, { assigneeUserId: assignee.userId, dueDate: "2031-05-01" });
    expect(res.statusCode).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({
      title: "Send the retrofit quote", accountId, assigneeUserId: assignee.userId, dueDate: "2031-05-01", status: "todo",
      source: { type: "interaction", id: interaction.id },
    });
    expect((await admin.get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
    const fromIt = (await admin.get(`/api/tasks?sourceType=interaction&sourceId=${interaction.id}`)).json();
    expect(fromIt.items.map((x: { id: string }) => x.id)).toEqual([task.id]);
    expect((await admin.post(`/api/interactions/${interaction.id}/next-step-task`, {})).json().assigneeUserId).toBeNull();

    const noStep = (await create(admin, {})).json();
    const refused = await admin.post(`/api/interactions/${noStep.id}/next-step-task`, {});
    expect(refused.statusCode).toBe(422);
    const badAssignee = await admin.post(`/api/interactions/${interaction.id}/next-step-task`, { assigneeUserId: (await t.newOrgWithUser()).userId });
    expect(badAssignee.statusCode).toBe(400);
    expect(badAssignee.json().errors[0].field).toBe("assigneeUserId");
  });

  it("deletes an interaction and its attendees, keeping the audit trail", async () => {
    const interaction = (await create(admin, { contactIds: [contactA] })).json();
    expect((await admin.delete(`/api/interactions/${interaction.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/interactions/${interaction.id}`)).statusCode).toBe(404);
    const left = await t.db.rows(sql`select 1 from interaction_contacts where interaction_id = ${interaction.id}`);
    expect(left).toHaveLength(0);
    const history = await t.db.rows<{ action: string }>(sql`select action from audit_log where entity_id = ${interaction.id} order by id`);
    expect(history.map((h) => h.action)).toEqual(["create", "delete"]);
  });

  it("keeps viewers read-only and account managers to their accounts' interactions", async () => {
    const interaction = (await create(admin, { nextStep: "Call back" })).json();
    const viewer = await t.newUser(admin.orgId, "viewer");
    expect((await viewer.get(`/api/interactions/${interaction.id}`)).statusCode).toBe(404);
    await buildTeamMember(t.db, admin.orgId, accountId, viewer.userId);
    expect((await viewer.get(`/api/interactions/${interaction.id}`)).statusCode).toBe(200);
    expect((await create(viewer, {})).statusCode).toBe(403);
    expect((await viewer.patch(`/api/interactions/${interaction.id}`, { subject: "x", version: 1 })).statusCode).toBe(403);
    expect((await viewer.delete(`/api/interactions/${interaction.id}`)).statusCode).toBe(403);
    expect((await viewer.post(`/api/interactions/${interaction.id}/next-step-task`, {})).statusCode).toBe(403);

    const manager = await t.newUser(admin.orgId, "account_manager");
    expect((await manager.get(`/api/interactions/${interaction.id}`)).statusCode).toBe(404);
    expect(ids(await manager.get("/api/interactions"))).toEqual([]);
    expect((await manager.post(`/api/interactions/${interaction.id}/next-step-task`, {})).statusCode).toBe(404);
    await buildTeamMember(t.db, admin.orgId, accountId, manager.userId);
    expect((await manager.get(`/api/interactions/${interaction.id}`)).statusCode).toBe(200);
    expect(ids(await manager.get("/api/interactions"))).toContain(interaction.id);
    expect(ids(await manager.get(`/api/interactions?accountId=${otherAccountId}`))).toEqual([]);
  });

  it("never lets another organization read, list, change or delete an interaction", async () => {
    const interaction = (await create(admin, { subject: "Confidential", nextStep: "Secret plan" })).json();
    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(`/api/interactions/${interaction.id}`)).statusCode).toBe(404);
    expect((await intruder.get("/api/interactions")).json().items).toEqual([]);
    expect((await intruder.get(`/api/interactions?accountId=${accountId}`)).json().items).toEqual([]);
    expect((await intruder.patch(`/api/interactions/${interaction.id}`, { subject: "mine", version: 1 })).statusCode).toBe(404);
    expect((await intruder.delete(`/api/interactions/${interaction.id}`)).statusCode).toBe(404);
    expect((await intruder.post(`/api/interactions/${interaction.id}/next-step-task`, {})).statusCode).toBe(404);
    expect((await create(intruder, {})).statusCode).toBe(400);
    expect((await admin.get(`/api/interactions/${interaction.id}`)).json()).toEqual(interaction);
  });
});
