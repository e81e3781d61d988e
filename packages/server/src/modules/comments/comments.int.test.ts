import { auditLog } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let kam: Client;
let teammate: Client;
let outsider: Client;
let viewer: Client;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  kam = await t.newUser(admin.orgId, "account_manager");
  teammate = await t.newUser(admin.orgId, "member");
  outsider = await t.newUser(admin.orgId, "member");
  viewer = await t.newUser(admin.orgId, "viewer");
  const account = await buildAccount(t.db, admin.orgId, { name: "Acme Robotics", ownerUserId: kam.userId });
  await buildTeamMember(t.db, admin.orgId, account.id, teammate.userId);
  await buildTeamMember(t.db, admin.orgId, account.id, viewer.userId);
  accountId = account.id;
});
afterAll(async () => t?.close());

const commentsUrl = (id: string, query = "") => `/api/accounts/${id}/comments${query}`;
const post = (c: Client, body: Record<string, unknown>, id = accountId) => c.post(commentsUrl(id), body);
const notificationsOf = async (c: Client, query = "") => {
  const res = await c.get(`/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Array<{ id: string; kind: string; link: string; commentId: string | null; actor: { id: string } | null; accountName: string | null; data: { excerpt?: string }; readAt: string | null }>; unreadCount: number; nextCursor: string | null }>();
};

describe("comments", () => {
  it("keeps hostile text as text, stores picked mentions and notifies only mentioned people who see the account", async () => {
    const body = `<script>alert("x")</script> @${teammate.email} & @outsider, please look`;
    const res = await post(kam, { body, mentionedUserIds: [teammate.userId, outsider.userId, kam.userId, teammate.userId] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers["content-type"]).toContain("application/json");
    const comment = res.json();
    expect(comment).toMatchObject({ accountId, subjectType: "account", subjectId: accountId, body, author: { id: kam.userId }, version: 1, editedAt: null });
    expect(comment.mentions.map((m: { id: string }) => m.id)).toEqual([teammate.userId, outsider.userId, kam.userId]);

    const listed = await kam.get(commentsUrl(accountId));
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items[0].body).toBe(body);

    const mine = await notificationsOf(teammate);
    expect(mine.unreadCount).toBe(1);
    expect(mine.items[0]).toMatchObject({ kind: "mention", commentId: comment.id, actor: { id: kam.userId }, accountName: "Acme Robotics", link: `/accounts/${accountId}#comment-${comment.id}` });
    expect(mine.items[0]!.data.excerpt).toBe(body.slice(0, 140));
    // The outsider cannot see the account, and the author is not told about their own comment.
    expect((await notificationsOf(outsider)).items).toHaveLength(0);
    expect((await notificationsOf(kam)).items).toHaveLength(0);

    const [audit] = await t.db.orm.select().from(auditLog).where(and(eq(auditLog.entityType, "comment"), eq(auditLog.entityId, comment.id)));
    expect(audit).toMatchObject({ action: "create", actorUserId: kam.userId, after: expect.objectContaining({ accountId, body }) });
  });

  it("lets the author edit (telling only newly mentioned people) and delete, an admin delete any, and others neither", async () => {
    const created = (await post(teammate, { body: "First draft" })).json();
    expect((await kam.patch(`/api/comments/${created.id}`, { body: "Hijacked", version: 1 })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/comments/${created.id}`, { body: "Hijacked", version: 1 })).statusCode).toBe(403);
    expect((await outsider.patch(`/api/comments/${created.id}`, { body: "Hijacked", version: 1 })).statusCode).toBe(404);

    const before = (await notificationsOf(kam)).unreadCount;
    const edited = await teammate.patch(`/api/comments/${created.id}`, { body: "Second draft @kam", mentionedUserIds: [kam.userId] }, { "if-match": '"1"' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ body: "Second draft @kam", version: 2, editedAt: expect.any(String) });
    expect(edited.headers.etag).toBe('"2"');
    expect((await notificationsOf(kam)).unreadCount).toBe(before + 1);
    const again = await teammate.patch(`/api/comments/${created.id}`, { body: "Third draft @kam", version: 2 });
    expect(again.statusCode).toBe(200);
    expect((await notificationsOf(kam)).unreadCount).toBe(before + 1);

    expect((await teammate.patch(`/api/comments/${created.id}`, { body: "Stale" }, { "if-match": '"1"' })).statusCode).toBe(412);
    expect((await teammate.patch(`/api/comments/${created.id}`, { body: "Stale", version: 1 })).statusCode).toBe(409);

    expect((await kam.delete(`/api/comments/${created.id}?version=3`)).statusCode).toBe(403);
    expect((await teammate.delete(`/api/comments/${created.id}?version=3`)).statusCode).toBe(204);
    expect((await teammate.delete(`/api/comments/${created.id}?version=3`)).statusCode).toBe(404);

    const other = (await post(kam, { body: "Moderate me" })).json();
    expect((await admin.delete(`/api/comments/${other.id}`, { "if-match": '"1"' })).statusCode).toBe(204);
    const trail = await t.db.orm.select().from(auditLog).where(and(eq(auditLog.entityType, "comment"), eq(auditLog.entityId, other.id)));
    expect(trail.map((e) => e.action).sort()).toEqual(["create", "delete"]);
  });

  it("refuses viewers, people outside the account, other organizations and unknown mentions", async () => {
    expect((await post(viewer, { body: "Can I?" })).statusCode).toBe(403);
    expect((await post(outsider, { body: "Can I?" })).statusCode).toBe(404);
    expect((await outsider.get(commentsUrl(accountId))).statusCode).toBe(404);

    const stranger = await t.newOrgWithUser("admin");
    expect((await stranger.get(commentsUrl(accountId))).statusCode).toBe(404);
    expect((await post(stranger, { body: "Hello" })).statusCode).toBe(404);
    const mine = (await post(kam, { body: "Ours" })).json();
    expect((await stranger.patch(`/api/comments/${mine.id}`, { body: "Theirs", version: 1 })).statusCode).toBe(404);
    expect((await stranger.delete(`/api/comments/${mine.id}?version=1`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/notifications/${(await notificationsOf(teammate)).items[0]!.id}/read`)).statusCode).toBe(404);

    const unknown = await post(kam, { body: "Hi", mentionedUserIds: [stranger.userId] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe("mentionedUserIds");
  });

  it("answers hostile input with 400 problem documents", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ body: "" }, "body"],
      [{ body: "   " }, "body"],
      [{ body: "x".repeat(10_001) }, "body"],
      [{ body: "nul\u0000byte" }, "body"],
      [{ body: "ok", subjectType: "invoice" }, "subjectType"],
      [{ body: "ok", subjectType: "plan" }, "subjectId"],
      [{ body: "ok", subjectType: "plan", subjectId: "not-a-uuid" }, "subjectId"],
      [{ body: "ok", subjectId: "0190b5a0-0000-7000-8000-000000000000" }, "subjectId"],
      [{ body: "ok", mentionedUserIds: ["x"] }, "mentionedUserIds.0"],
      [{ body: "ok", mentionedUserIds: Array.from({ length: 21 }, () => kam.userId) }, "mentionedUserIds"],
      [{ body: "ok", extra: true }, ""],
    ];
    for (const [body, field] of cases) {
      const res = await post(kam, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      if (field) expect(res.json().errors.map((e: { field: string }) => e.field.replace(/^body\./, ""))).toContain(field);
    }
    expect((await kam.get(commentsUrl(accountId, "?cursor=garbage"))).statusCode).toBe(400);
    expect((await kam.get(commentsUrl(accountId, "?limit=1000"))).statusCode).toBe(400);
    expect((await kam.get("/api/notifications?cursor=%00")).statusCode).toBe(400);
    expect((await kam.get("/api/activity-feed?mine=maybe")).statusCode).toBe(400);
  });

  it("keeps plan and case threads apart from the account's, under the account's permissions", async () => {
    const created = await admin.post(`/api/accounts/${accountId}/plans`, { templateKey: "strategic", title: "Plan to discuss", periodStart: "2026-01-01", periodEnd: "2026-12-31" });
    expect(created.statusCode, created.body).toBe(201);
    const planId = created.json().id as string;
    const elsewhere = await buildAccount(t.db, admin.orgId, { ownerUserId: kam.userId });
    for (const subjectId of ["0190b5a0-0000-7000-8000-0000000000aa", planId]) {
      // A plan that does not exist, or that belongs to another account than the thread's.
      const refused = await post(kam, { body: "Lost", subjectType: "plan", subjectId }, subjectId === planId ? elsewhere.id : accountId);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().errors[0].field).toBe("subjectId");
    }
    expect((await post(kam, { body: "Lost", subjectType: "case", subjectId: planId })).statusCode).toBe(400);
    const res = await post(teammate, { body: "On the plan", subjectType: "plan", subjectId: planId, mentionedUserIds: [kam.userId] });
    expect(res.statusCode, res.body).toBe(201);
    const plan = await teammate.get(commentsUrl(accountId, `?subjectType=plan&subjectId=${planId}`));
    expect(plan.json().items.map((c: { body: string }) => c.body)).toEqual(["On the plan"]);
    const account = await teammate.get(commentsUrl(accountId));
    expect(account.json().items.map((c: { body: string }) => c.body)).not.toContain("On the plan");
    expect((await outsider.get(commentsUrl(accountId, `?subjectType=plan&subjectId=${planId}`))).statusCode).toBe(404);
  });

  it("pages comments newest first", async () => {
    const fresh = await buildAccount(t.db, admin.orgId, { ownerUserId: kam.userId });
    for (let i = 1; i <= 5; i++) expect((await post(kam, { body: `Note ${i}` }, fresh.id)).statusCode).toBe(201);
    const first = (await kam.get(commentsUrl(fresh.id, "?limit=2"))).json();
    expect(first.items.map((c: { body: string }) => c.body)).toEqual(["Note 5", "Note 4"]);
    const second = (await kam.get(commentsUrl(fresh.id, `?limit=2&cursor=${first.nextCursor}`))).json();
    expect(second.items.map((c: { body: string }) => c.body)).toEqual(["Note 3", "Note 2"]);
    const last = (await kam.get(commentsUrl(fresh.id, `?limit=2&cursor=${second.nextCursor}`))).json();
    expect(last).toEqual({ items: [expect.objectContaining({ body: "Note 1" })], nextCursor: null });
  });

  it("suggests members to mention, those who see the account first", async () => {
    const res = await kam.get(`${commentsUrl(accountId)}/mentionable`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; canSeeAccount: boolean }>;
    const outsiderAt = items.findIndex((m) => m.id === outsider.userId);
    expect(items.find((m) => m.id === teammate.userId)?.canSeeAccount).toBe(true);
    expect(items[outsiderAt]?.canSeeAccount).toBe(false);
    expect(items.slice(0, outsiderAt).every((m) => m.canSeeAccount)).toBe(true);
    const found = (await kam.get(`${commentsUrl(accountId)}/mentionable?q=${encodeURIComponent(teammate.email.slice(0, 12))}`)).json().items;
    expect(found.map((m: { id: string }) => m.id)).toContain(teammate.userId);
    expect((await kam.get(`${commentsUrl(accountId)}/mentionable?q=%25%25%25zzz`)).json().items).toEqual([]);
    expect((await outsider.get(`${commentsUrl(accountId)}/mentionable`)).statusCode).toBe(404);
  });
});

describe("notifications", () => {
  it("pages my notifications, marks one and then all read, and never touches someone else's", async () => {
    const reader = await t.newUser(admin.orgId, "member");
    await buildTeamMember(t.db, admin.orgId, accountId, reader.userId);
    for (let i = 0; i < 3; i++) expect((await post(kam, { body: `Ping ${i}`, mentionedUserIds: [reader.userId] })).statusCode).toBe(201);
    const first = await notificationsOf(reader, "?limit=2");
    expect(first.unreadCount).toBe(3);
    expect(first.items.map((n) => n.data.excerpt)).toEqual(["Ping 2", "Ping 1"]);
    const rest = await notificationsOf(reader, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest.items.map((n) => n.data.excerpt)).toEqual(["Ping 0"]);
    expect(rest.nextCursor).toBeNull();

    expect((await teammate.post(`/api/notifications/${first.items[0]!.id}/read`)).statusCode).toBe(404);
    expect((await reader.post(`/api/notifications/${first.items[0]!.id}/read`)).statusCode).toBe(204);
    expect((await reader.post(`/api/notifications/${first.items[0]!.id}/read`)).statusCode).toBe(204);
    const unread = await notificationsOf(reader, "?unreadOnly=true");
    expect(unread.unreadCount).toBe(2);
    expect(unread.items.map((n) => n.data.excerpt)).toEqual(["Ping 1", "Ping 0"]);

    const all = await reader.post("/api/notifications/read-all");
    expect(all.json()).toEqual({ updated: 2 });
    expect((await notificationsOf(reader)).unreadCount).toBe(0);
    expect((await notificationsOf(teammate)).unreadCount).toBeGreaterThan(0);
  });

  it("hides mentions about an account the person no longer sees", async () => {
    const leaver = await t.newUser(admin.orgId, "member");
    const member = await buildTeamMember(t.db, admin.orgId, accountId, leaver.userId);
    expect((await post(kam, { body: "Before you go", mentionedUserIds: [leaver.userId] })).statusCode).toBe(201);
    expect((await notificationsOf(leaver)).unreadCount).toBe(1);
    expect((await admin.delete(`/api/accounts/${accountId}/team/${member.userId}`)).statusCode).toBeLessThan(300);
    expect(await notificationsOf(leaver)).toMatchObject({ items: [], unreadCount: 0 });
  });

  it("keeps the reminder e-mail preference per user, audited, with version checks", async () => {
    expect((await kam.get("/api/notifications/preferences")).json()).toEqual({ cadenceReminderEmail: true, version: 0 });
    const off = await kam.put("/api/notifications/preferences", { cadenceReminderEmail: false, version: 0 });
    expect(off.json()).toEqual({ cadenceReminderEmail: false, version: 1 });
    expect((await kam.put("/api/notifications/preferences", { cadenceReminderEmail: true, version: 0 })).statusCode).toBe(409);
    expect((await teammate.get("/api/notifications/preferences")).json()).toEqual({ cadenceReminderEmail: true, version: 0 });
    expect((await kam.put("/api/notifications/preferences", { cadenceReminderEmail: "no" })).statusCode).toBe(400);
    const trail = await t.db.orm.select().from(auditLog).where(and(eq(auditLog.entityType, "notification_preferences"), eq(auditLog.entityId, kam.userId)));
    expect(trail).toHaveLength(1);
  });
});

describe("activity feed", () => {
  it("shows changes and comments on the accounts I see, newest first, paged, and only mine on request", async () => {
    const org = await t.newOrgWithUser("admin");
    const manager = await t.newUser(org.orgId, "account_manager");
    const mine = await manager.post("/api/accounts", { name: "Mine Ltd", currency: "CNY" });
    expect(mine.statusCode, mine.body).toBe(201);
    const theirs = await org.post("/api/accounts", { name: "Theirs GmbH", currency: "CNY" });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await post(manager, { body: "<b>bold?</b>" }, mine.json().id)).statusCode).toBe(201);

    const managerFeed = (await manager.get("/api/activity-feed")).json();
    expect(managerFeed.items.map((i: { accountName: string }) => i.accountName)).toEqual(["Mine Ltd", "Mine Ltd"]);
    expect(managerFeed.items[0]).toMatchObject({ entityType: "comment", action: "create", excerpt: "<b>bold?</b>", actor: { id: manager.userId } });
    expect(managerFeed.items[1]).toMatchObject({ entityType: "account", action: "create", label: "Mine Ltd" });

    const adminFeed = (await org.get("/api/activity-feed?limit=2")).json();
    expect(adminFeed.items.map((i: { accountName: string }) => i.accountName)).toEqual(["Mine Ltd", "Theirs GmbH"]);
    const next = (await org.get(`/api/activity-feed?limit=2&cursor=${adminFeed.nextCursor}`)).json();
    expect(next.items.map((i: { accountName: string }) => i.accountName)).toEqual(["Mine Ltd"]);
    expect(next.nextCursor).toBeNull();

    const adminMine = (await org.get("/api/activity-feed?mine=true")).json();
    expect(adminMine.items.map((i: { accountName: string }) => i.accountName)).toEqual(["Theirs GmbH"]);
    // Another organization's feed shows none of it.
    expect((await admin.get("/api/activity-feed?limit=100")).json().items.map((i: { accountName: string }) => i.accountName)).not.toContain("Mine Ltd");
  });
});
