import { ZAccountPage } from "@openkam/contracts";
import { accounts } from "@openkam/db";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { presentAccount } from "./accounts.presenter";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

/**
 * The list's JSON is written by PostgreSQL (accountJson), every other account
 * response by presentAccount: both must give the same wire shape, for every
 * kind of value a column can hold.
 */
describe("the accounts list's JSON", () => {
  it("matches presentAccount field by field and the contract", async () => {
    const bodies = [
      { name: "上海华信精密机械有限公司", currency: "CNY", tier: "strategic", tags: ["制造", "华东"], country: "CN", legalName: "上海华信", industry: "制造业", region: "华东", size: "enterprise", externalId: "EXT-1" },
      { name: 'Quote " and \\ backslash', currency: "USD", customFields: { nested: { list: [1, 2.5, null, "三"], flag: true }, emoji: "🚀", "key with space": "x\ny" } },
      { name: "Bare minimum", currency: "EUR", tags: [] },
    ];
    const ids: string[] = [];
    for (const body of bodies) {
      const res = await admin.post("/api/accounts", body);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const parent = await admin.post("/api/accounts", { name: "Child", currency: "CNY", parentAccountId: ids[0] });
    ids.push(parent.json().id);
    // Microseconds and the end of a second, where a rounding difference would show.
    await t.db.orm.update(accounts).set({ updatedAt: sql`timestamptz '2024-02-29 23:59:59.999999+00'` }).where(eq(accounts.id, ids[1]!));
    await t.db.orm.update(accounts).set({ updatedAt: sql`timestamptz '2024-03-01 08:00:00.000501+08'` }).where(eq(accounts.id, ids[2]!));

    const res = await admin.get("/api/accounts?limit=50");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const page = ZAccountPage.parse(res.json());
    expect(page.items).toHaveLength(ids.length);

    const rows = await t.db.orm.select().from(accounts).where(inArray(accounts.id, ids));
    for (const row of rows) {
      const listed = page.items.find((a) => a.id === row.id);
      expect(listed).toEqual(presentAccount(row));
    }
  });

  it("writes every millisecond of a timestamp as toISOString does", async () => {
    const [row] = await t.db.rows<{ texts: string[]; stamps: Date[] }>(sql`
      select array_agg(to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') order by ts) as texts,
             array_agg(ts order by ts) as stamps
      from (select timestamptz '2025-06-30 23:59:59+00' + (g * interval '1 millisecond') + (((g * 7919) % 1000) * interval '1 microsecond') as ts
            from generate_series(0, 1999) g) x`);
    const fromDriver = row!.stamps.map((d) => (d instanceof Date ? d : new Date(d)).toISOString());
    expect(row!.texts).toEqual(fromDriver);
  });

  it("pages with a cursor, and filters, like before", async () => {
    const c = await t.newOrgWithUser("director");
    for (let i = 0; i < 5; i++) expect((await c.post("/api/accounts", { name: `JSON page ${i}`, currency: "CNY", tier: i % 2 ? "key" : "growth" })).statusCode).toBe(201);
    const first = ZAccountPage.parse((await c.get("/api/accounts?limit=2&tier=key")).json());
    expect(first.items.map((a) => a.name)).toEqual(["JSON page 1", "JSON page 3"]);
    expect(first.nextCursor).toBeNull();
    const a = ZAccountPage.parse((await c.get("/api/accounts?limit=3")).json());
    const b = ZAccountPage.parse((await c.get(`/api/accounts?limit=3&cursor=${a.nextCursor}`)).json());
    expect([...a.items, ...b.items].map((x) => x.name)).toEqual([0, 1, 2, 3, 4].map((i) => `JSON page ${i}`));
    expect(b.nextCursor).toBeNull();
  });
});
