import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildContact, buildInteraction, buildOrder, buildTask } from "@openkam/db/testing/builders-activity";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  // Months are calendar months in the organization's time zone; UTC keeps the fixture simple.
  await t.db.rows(sql`update organizations set timezone = 'UTC' where id = ${admin.orgId}`);
});
afterAll(async () => t?.close());

/** "YYYY-MM" of the month k months before the current (UTC) one. */
function monthAgo(k: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1)).toISOString().slice(0, 7);
}
const dayOf = (k: number, day = 1) => `${monthAgo(k)}-${String(day).padStart(2, "0")}`;
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000);

describe("account summary", () => {
  it("computes the account 360 on a hand-computed fixture", async () => {
    const colleague = await t.newUser(admin.orgId, "member");
    const account = await buildAccount(t.db, admin.orgId, { name: "Fixture GmbH", currency: "CNY" });
    const elsewhere = await buildAccount(t.db, admin.orgId, { currency: "CNY" });
    await buildTeamMember(t.db, admin.orgId, account.id, admin.userId, { teamRole: "kam_lead", allocationPct: 50 });
    await buildTeamMember(t.db, admin.orgId, account.id, colleague.userId, { teamRole: "sales", allocationPct: 20 });

    const order = (k: number, amount: string, extra: Record<string, unknown> = {}) =>
      buildOrder(t.db, admin.orgId, account.id, { orderDate: dayOf(k), amount, currency: "CNY", ...extra });
    await order(0, "100.10");
    await order(0, "200.20");
    await order(2, "59.97");
    await order(5, "1000.00", { status: "cancelled" });
    await order(5, "500.00", { deletedAt: new Date() });
    await order(11, "0.10");
    await order(11, "0.20");
    await order(12, "1000.00");
    await order(23, "10.00");
    await order(24, "99999.00");
    await order(3, "50.00", { currency: "USD" });
    await order(13, "7.00", { currency: "USD" });
    await buildOrder(t.db, admin.orgId, elsewhere.id, { orderDate: dayOf(0), amount: "777.00" });

    await buildInteraction(t.db, admin.orgId, account.id, { occurredAt: hoursFromNow(-240), subject: "Older" });
    const last = await buildInteraction(t.db, admin.orgId, account.id, { occurredAt: hoursFromNow(-48), subject: "Last", type: "visit", nextStep: "Quote" });
    const next = await buildInteraction(t.db, admin.orgId, account.id, { occurredAt: hoursFromNow(72), subject: "Next", type: "qbr" });
    await buildInteraction(t.db, admin.orgId, account.id, { occurredAt: hoursFromNow(720), subject: "Later" });
    await buildInteraction(t.db, admin.orgId, elsewhere.id, { occurredAt: hoursFromNow(-1), subject: "Not this account" });

    const due = ["2030-01-06", "2030-01-02", "2030-01-05", "2030-01-01", "2030-01-04", "2030-01-03"];
    const open = [];
    for (const dueDate of due) open.push(await buildTask(t.db, admin.orgId, { accountId: account.id, dueDate, title: `Due ${dueDate}` }));
    await buildTask(t.db, admin.orgId, { accountId: account.id, title: "Undated", status: "blocked" });
    await buildTask(t.db, admin.orgId, { accountId: account.id, dueDate: "2029-01-01", status: "done" });
    await buildTask(t.db, admin.orgId, { accountId: account.id, dueDate: "2029-01-01", status: "cancelled" });
    await buildTask(t.db, admin.orgId, { accountId: elsewhere.id, dueDate: "2029-01-01" });

    const contact = (name: string, influence: number | null, extra: Record<string, unknown> = {}) =>
      buildContact(t.db, admin.orgId, account.id, { name, influence, ...extra });
    await contact("Zhang", 5, { buyingRole: "decision_maker", attitude: 2 });
    await contact("An", 5, { buyingRole: "champion", attitude: 1 });
    await contact("Bo", 4);
    await contact("Carl", null);
    await contact("Dan", 3);
    await contact("Fay", 2, { buyingRole: "blocker", attitude: -2 });
    await contact("Gone", 5, { deletedAt: new Date() });

    const res = await admin.get(`/api/accounts/${account.id}/summary`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.account).toMatchObject({ id: account.id, name: "Fixture GmbH" });
    expect(s.currency).toBe("CNY");

    const expectedMonths = new Map<string, [string, number]>([
      [monthAgo(0), ["300.30", 2]], [monthAgo(2), ["59.97", 1]], [monthAgo(11), ["0.30", 2]], [monthAgo(12), ["1000.00", 1]], [monthAgo(23), ["10.00", 1]],
    ]);
    expect(s.revenueByMonth).toEqual(
      Array.from({ length: 24 }, (_, i) => {
        const month = monthAgo(23 - i);
        const [amount, orders] = expectedMonths.get(month) ?? ["0.00", 0];
        return { month, amount, orders };
      }),
    );
    expect(s.revenueLast12Months).toBe("360.57");
    expect(s.revenuePrevious12Months).toBe("1010.00");
    // (360.57 − 1010.00) / 1010.00 = −64.2990...%
    expect(s.growthPct).toBe(-64.3);
    expect(s.otherCurrencies).toEqual([{ currency: "USD", amount: "50.00", orders: 1 }]);

    expect(s.lastInteraction).toMatchObject({ id: last.id, subject: "Last", type: "visit", nextStep: "Quote" });
    expect(s.nextInteraction).toMatchObject({ id: next.id, subject: "Next", type: "qbr" });
    expect(s.openTasks.count).toBe(7);
    expect(s.openTasks.items.map((x: { dueDate: string }) => x.dueDate)).toEqual(["2030-01-01", "2030-01-02", "2030-01-03", "2030-01-04", "2030-01-05"]);
    expect(s.topContacts.map((c: { name: string }) => c.name)).toEqual(["An", "Zhang", "Bo", "Dan", "Fay"]);
    expect(s.topContacts[1]).toMatchObject({ buyingRole: "decision_maker", influence: 5, attitude: 2 });
    expect(s.team).toEqual([
      { userId: admin.userId, name: expect.any(String), email: admin.email, teamRole: "kam_lead", allocationPct: 50 },
      { userId: colleague.userId, name: expect.any(String), email: colleague.email, teamRole: "sales", allocationPct: 20 },
    ]);
  });

  it("reports a growth of null when the previous 12 months had no revenue, and an empty account as zeros", async () => {
    const fresh = await buildAccount(t.db, admin.orgId, { currency: "EUR" });
    await buildOrder(t.db, admin.orgId, fresh.id, { orderDate: dayOf(1), amount: "0.10", currency: "EUR" });
    await buildOrder(t.db, admin.orgId, fresh.id, { orderDate: dayOf(1), amount: "0.20", currency: "EUR" });
    const s = (await admin.get(`/api/accounts/${fresh.id}/summary`)).json();
    expect(s.revenueLast12Months).toBe("0.30");
    expect(s.revenuePrevious12Months).toBe("0.00");
    expect(s.growthPct).toBeNull();
    expect(s.revenueByMonth.find((m: { month: string }) => m.month === monthAgo(1))).toEqual({ month: monthAgo(1), amount: "0.30", orders: 2 });

    const empty = await buildAccount(t.db, admin.orgId);
    const e = (await admin.get(`/api/accounts/${empty.id}/summary`)).json();
    expect(e.revenueByMonth).toHaveLength(24);
    expect(e.revenueByMonth.every((m: { amount: string; orders: number }) => m.amount === "0.00" && m.orders === 0)).toBe(true);
    expect(e).toMatchObject({ revenueLast12Months: "0.00", growthPct: null, lastInteraction: null, nextInteraction: null, openTasks: { count: 0, items: [] }, topContacts: [], team: [], otherCurrencies: [] });
  });

  it("shows the summary only to those who see the account, and never to another organization", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    await buildOrder(t.db, admin.orgId, account.id, { orderDate: dayOf(0), amount: "5.00" });
    const manager = await t.newUser(admin.orgId, "account_manager");
    expect((await manager.get(`/api/accounts/${account.id}/summary`)).statusCode).toBe(404);
    expect((await manager.get(`/api/accounts/${account.id}/activity`)).statusCode).toBe(404);
    await buildTeamMember(t.db, admin.orgId, account.id, manager.userId);
    expect((await manager.get(`/api/accounts/${account.id}/summary`)).json().revenueLast12Months).toBe("5.00");

    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(`/api/accounts/${account.id}/summary`)).statusCode).toBe(404);
    expect((await intruder.get(`/api/accounts/${account.id}/activity`)).statusCode).toBe(404);
    expect((await admin.get("/api/accounts/not-a-uuid/summary")).statusCode).toBe(400);
  });
});

describe("account activity", () => {
  it("lists the audit trail of the account and its records, newest first, page by page", async () => {
    const account = (await admin.post("/api/accounts", { name: "Activity AG", currency: "EUR" })).json();
    const other = (await admin.post("/api/accounts", { name: "Other AG", currency: "EUR" })).json();
    const order = (await admin.post("/api/orders", { accountId: account.id, orderDate: "2025-01-01", amount: "10" })).json();
    await admin.post("/api/orders", { accountId: other.id, orderDate: "2025-01-01", amount: "10" });
    const interaction = (await admin.post("/api/interactions", { accountId: account.id, type: "call", occurredAt: "2025-01-01T10:00:00Z", subject: "Intro" })).json();
    const task = (await admin.post("/api/tasks", { title: "Follow up", accountId: account.id })).json();
    await admin.post("/api/tasks", { title: "Personal" });
    await admin.patch(`/api/accounts/${account.id}`, { industry: "Chemicals", version: 1 });
    await admin.delete(`/api/interactions/${interaction.id}`);

    const entries: Array<{ action: string; entityType: string; entityId: string; actorUserId: string; actorName: string | null }> = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/accounts/${account.id}/activity?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: typeof entries; nextCursor: string | null };
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(entries.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ["delete", "interaction", interaction.id],
      ["update", "account", account.id],
      ["create", "task", task.id],
      ["create", "interaction", interaction.id],
      ["create", "order", order.id],
      ["create", "account", account.id],
    ]);
    expect(entries.every((e) => e.actorUserId === admin.userId && typeof e.actorName === "string")).toBe(true);
    const first = (await admin.get(`/api/accounts/${account.id}/activity?limit=1`)).json().items[0];
    expect(first.before).toMatchObject({ subject: "Intro" });
    expect(first.after).toBeNull();
  });
});
