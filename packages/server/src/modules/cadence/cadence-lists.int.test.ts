import { organizations } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildInteraction } from "@openkam/db/testing/builders-activity";
import { isoWeekDates, isoWeekOf, type AccountTier } from "@openkam/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

const DAY = 86_400_000;
/** Noon UTC, n days before today (UTC): far from midnight, so the day does not depend on when the test runs. */
const daysAgo = (n: number) => new Date(Date.parse(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`) - n * DAY);
const isoDaysAgo = (n: number) => daysAgo(n).toISOString().slice(0, 10);

let t: TestApp;
let admin: Client;
let director: Client;
let kam: Client;
let member: Client;
const ids: Record<string, string> = {};

/**
 * Only visits are planned here (the org drops executive meetings and QBRs), so each account's
 * days overdue are those of its visit: standard accounts every 180 days, the others every 30.
 */
async function account(name: string, tier: AccountTier, options: { lastVisitDaysAgo?: number; createdDaysAgo?: number; ownerUserId?: string; status?: "active" | "churned"; deleted?: boolean } = {}) {
  const row = await buildAccount(t.db, admin.orgId, {
    name, tier, createdAt: daysAgo(options.createdDaysAgo ?? 1000), ownerUserId: options.ownerUserId ?? null, status: options.status ?? "active",
    deletedAt: options.deleted ? new Date() : null,
  });
  if (options.lastVisitDaysAgo !== undefined) await buildInteraction(t.db, admin.orgId, row.id, { type: "visit", occurredAt: daysAgo(options.lastVisitDaysAgo) });
  ids[name] = row.id;
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  await t.db.orm.update(organizations).set({ timezone: "UTC" }).where(eq(organizations.id, admin.orgId));
  director = await t.newUser(admin.orgId, "director");
  kam = await t.newUser(admin.orgId, "account_manager");
  member = await t.newUser(admin.orgId, "member");
  for (const [tier, visit] of [["strategic", 30], ["key", 30], ["growth", 30], ["standard", 180]] as const) {
    const res = await admin.put(`/api/cadence/policies/${tier}`, { visit, executive_meeting: null, qbr: null, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
  }
  await account("Alpha", "strategic", { lastVisitDaysAgo: 40, ownerUserId: kam.userId }); // 10 days overdue
  await account("Bravo", "key", { lastVisitDaysAgo: 60 }); // 30
  await account("Charlie", "standard", { lastVisitDaysAgo: 210, ownerUserId: kam.userId }); // 30, standard after key
  await account("Delta", "growth", { lastVisitDaysAgo: 5 }); // not due
  await account("Echo", "growth", { createdDaysAgo: 50 }); // never visited, 20 days past its grace
  await account("Foxtrot", "key", { createdDaysAgo: 10 }); // never visited, within its grace
  await account("Golf", "strategic", { lastVisitDaysAgo: 100, status: "churned" }); // nobody visits a lost account
  await account("Hotel", "strategic", { lastVisitDaysAgo: 100, deleted: true });
  await account("India", "key", { lastVisitDaysAgo: 31 }); // 1 day overdue, the kam is on its team
  await buildTeamMember(t.db, admin.orgId, ids.India!, kam.userId);
  await buildTeamMember(t.db, admin.orgId, ids.Bravo!, member.userId);
});
afterAll(async () => t?.close());

const overdue = async (c: Client, query = "") => {
  const res = await c.get(`/api/cadence/overdue${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<{ accountId: string; accountName: string; daysOverdue: number; tier: string; items: Array<{ kind: string; status: string; daysOverdue: number }> }>; nextCursor: string | null };
};
const names = (page: { items: Array<{ accountName: string }> }) => page.items.map((i) => i.accountName);

describe("the overdue list", () => {
  it("lists the accounts behind on a cadence, most overdue first, strategic before standard on a tie", async () => {
    const page = await overdue(director);
    expect(names(page)).toEqual(["Bravo", "Charlie", "Echo", "Alpha", "India"]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toEqual({
      accountId: ids.Bravo, accountName: "Bravo", tier: "key", ownerUserId: null, daysOverdue: 30,
      items: [{ kind: "visit", interval: 30, lastAt: daysAgo(60).toISOString(), dueOn: isoDaysAgo(30), daysUntilDue: -30, daysOverdue: 30, status: "overdue" }],
    });
    expect(page.items[2]!.items[0]).toMatchObject({ kind: "visit", lastAt: null, daysOverdue: 20, status: "never_met" });
  });

  it("pages with a cursor without losing or repeating an account", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await overdue(admin, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Bravo", "Charlie", "Echo", "Alpha", "India"]);
  });

  it("filters by tier, owner and kind", async () => {
    expect(names(await overdue(admin, "?tier=key"))).toEqual(["Bravo", "India"]);
    expect(names(await overdue(admin, "?tier=strategic&tier=standard"))).toEqual(["Charlie", "Alpha"]);
    expect(names(await overdue(admin, `?ownerUserId=${kam.userId}`))).toEqual(["Charlie", "Alpha"]);
    expect(names(await overdue(admin, "?kind=visit"))).toEqual(["Bravo", "Charlie", "Echo", "Alpha", "India"]);
    expect(names(await overdue(admin, "?kind=qbr&kind=executive_meeting"))).toEqual([]);
  });

  it("shows account managers and members only the accounts they own or are on the team of", async () => {
    expect(names(await overdue(kam))).toEqual(["Charlie", "Alpha", "India"]);
    expect(names(await overdue(member))).toEqual(["Bravo"]);
    const newcomer = await t.newUser(admin.orgId, "account_manager");
    expect(names(await overdue(newcomer))).toEqual([]);
    expect(names(await overdue(kam, `?ownerUserId=${admin.userId}`))).toEqual([]);
  });

  it("shows another organization none of these accounts", async () => {
    const intruder = await t.newOrgWithUser("admin");
    expect(await overdue(intruder)).toEqual({ items: [], nextCursor: null });
    expect(names(await overdue(intruder, `?ownerUserId=${kam.userId}`))).toEqual([]);
  });

  it("answers bad filters and forged cursors with 400 problems", async () => {
    for (const query of ["?tier=platinum", "?kind=call", "?limit=0", "?limit=500", "?ownerUserId=me", "?cursor=garbage", `?cursor=${Buffer.from(JSON.stringify(["x", ids.Alpha])).toString("base64url")}`]) {
      const res = await admin.get(`/api/cadence/overdue${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"], query).toContain("application/problem+json");
    }
  });
});

describe("my week", () => {
  const myWeek = async (c: Client, query = "") => {
    const res = await c.get(`/api/cadence/my-week${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { week: string; firstDay: string; lastDay: string; today: string; timeZone: string; items: Array<{ accountName: string; kind: string; dueOn: string; carriedOver: boolean; status: string }> };
  };

  it("defaults to the current week in the organization's zone and lists what is due in it or overdue, on my accounts", async () => {
    const week = isoWeekOf(new Date(), "UTC");
    const agenda = await myWeek(kam);
    expect(agenda).toMatchObject({ week, ...isoWeekDates(week), today: isoDaysAgo(0), timeZone: "UTC" });
    expect(agenda.items.map((i) => [i.accountName, i.dueOn, i.carriedOver])).toEqual([
      ["Charlie", isoDaysAgo(30), true],
      ["Alpha", isoDaysAgo(10), true],
      ["India", isoDaysAgo(1), isoDaysAgo(1) < isoWeekDates(week).firstDay],
    ]);
  });

  it("holds what falls due during a later week, and only the caller's accounts, whatever their role", async () => {
    // Delta's visit (5 days ago, every 30 days) falls due 25 days from today.
    const week = isoWeekOf(daysAgo(-25), "UTC");
    await buildTeamMember(t.db, admin.orgId, ids.Delta!, director.userId);
    const agenda = await myWeek(director, `?week=${week}`);
    expect(agenda.items.map((i) => [i.accountName, i.dueOn, i.status, i.carriedOver])).toEqual([["Delta", isoDaysAgo(-25), "ok", false]]);
    expect((await myWeek(admin)).items).toEqual([]);
    expect((await myWeek(member)).items.map((i) => i.accountName)).toEqual(["Bravo"]);
  });

  it("refuses weeks that are not ISO weeks with a 400 problem naming the field", async () => {
    for (const week of ["2026-48", "2026-W5", "W48", "2025-W53", "2026-W00", "' or 1=1 --"]) {
      const res = await admin.get(`/api/cadence/my-week?week=${encodeURIComponent(week)}`);
      expect(res.statusCode, week).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors[0].field, week).toBe("querystring.week");
    }
    expect((await myWeek(admin, "?week=2026-W53")).firstDay).toBe("2026-12-28");
  });
});
