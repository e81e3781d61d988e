import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildOrder, buildProduct } from "@openkam/db/testing/builders-activity";
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

/** The first day of the month k months before the current (UTC) one, YYYY-MM-DD. */
function monthStart(k: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1)).toISOString().slice(0, 10);
}
function endOfThisMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

type Line = { productId: string; quantity: string; unitPrice: string; amount: string };
const line = (productId: string, quantity: string, unitPrice: string, amount: string): Line => ({ productId, quantity, unitPrice, amount });

describe("account product mix", () => {
  it("sums line revenue per product over the window, keeps the top 8 and adds up the rest", async () => {
    const account = await buildAccount(t.db, admin.orgId, { name: "Mix GmbH", currency: "EUR" });
    const elsewhere = await buildAccount(t.db, admin.orgId, { currency: "EUR" });
    const p = [];
    for (let i = 1; i <= 10; i++) p.push(await buildProduct(t.db, admin.orgId, { sku: `MIX-${i}`, name: `Mix product ${i}`, category: i <= 2 ? "Valves" : null }));
    const [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10] = p.map((x) => x.id) as [string, string, string, string, string, string, string, string, string, string];
    const order = (monthsAgo: number, lines: Line[], extra: Record<string, unknown> = {}) =>
      buildOrder(t.db, admin.orgId, account.id, { orderDate: monthStart(monthsAgo), currency: "EUR", amount: "0.00", lines, ...extra });

    // In the 12-month window, in EUR, confirmed and live: these count.
    await order(0, [line(p1, "2", "100.25", "200.50"), line(p2, "1.5", "33.333", "50.00")]);
    await order(3, [line(p1, "1", "99.50", "99.50"), line(p3, "3", "50", "150.00")]);
    await order(11, [line(p4, "4", "30", "120.00"), line(p5, "1", "110", "110.00"), line(p6, "1", "100", "100.00")]);
    await order(6, [line(p7, "2", "45", "90.00"), line(p8, "8", "10", "80.00"), line(p9, "7", "10", "70.00"), line(p10, "0.25", "20", "5.00")]);
    // Left out: cancelled, deleted, other currency, older than the window, another account.
    await order(1, [line(p10, "100", "100", "10000.00")], { status: "cancelled" });
    await order(1, [line(p10, "100", "100", "10000.00")], { deletedAt: new Date() });
    await order(1, [line(p10, "100", "100", "10000.00")], { currency: "USD" });
    await order(12, [line(p9, "1", "1000", "1000.00")]);
    await buildOrder(t.db, admin.orgId, elsewhere.id, { orderDate: monthStart(0), currency: "EUR", lines: [line(p10, "1", "5000", "5000.00")] });
    // An order without lines has no product to attribute.
    await order(0, [], { amount: "777.00" });

    const res = await admin.get(`/api/accounts/${account.id}/product-mix`);
    expect(res.statusCode).toBe(200);
    const mix = res.json();
    expect(mix).toMatchObject({ currency: "EUR", from: monthStart(11), to: endOfThisMonth() });
    // Total 1075.00: p1 300.00, p3 150.00, p4 120.00, p5 110.00, p6 100.00, p7 90.00, p8 80.00, p9 70.00 | p2 50.00, p10 5.00.
    expect(mix.items.map((i: { sku: string; revenue: string; quantity: string }) => [i.sku, i.revenue, i.quantity])).toEqual([
      ["MIX-1", "300.00", "3"], ["MIX-3", "150.00", "3"], ["MIX-4", "120.00", "4"], ["MIX-5", "110.00", "1"],
      ["MIX-6", "100.00", "1"], ["MIX-7", "90.00", "2"], ["MIX-8", "80.00", "8"], ["MIX-9", "70.00", "7"],
    ]);
    expect(mix.items[0]).toEqual({ productId: p1, sku: "MIX-1", name: "Mix product 1", category: "Valves", revenue: "300.00", quantity: "3", share: 0.2791 });
    expect(mix.items[7].share).toBe(0.0651);
    expect(mix.otherRevenue).toBe("55.00");

    const longer = (await admin.get(`/api/accounts/${account.id}/product-mix?months=24`)).json();
    expect(longer.from).toBe(monthStart(23));
    expect(longer.items.find((i: { sku: string }) => i.sku === "MIX-9").revenue).toBe("1070.00");
    expect(longer.items[0].sku).toBe("MIX-9");

    const thisMonth = (await admin.get(`/api/accounts/${account.id}/product-mix?months=1`)).json();
    expect(thisMonth.items.map((i: { sku: string; share: number }) => [i.sku, i.share])).toEqual([["MIX-1", 0.8004], ["MIX-2", 0.1996]]);
    expect(thisMonth.otherRevenue).toBe("0.00");
  });

  it("answers an account without order lines with an empty mix", async () => {
    const account = await buildAccount(t.db, admin.orgId, { currency: "CNY" });
    await buildOrder(t.db, admin.orgId, account.id, { orderDate: monthStart(0), amount: "10.00" });
    const res = await admin.get(`/api/accounts/${account.id}/product-mix?months=60`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ currency: "CNY", from: monthStart(59), to: endOfThisMonth(), items: [], otherRevenue: "0.00" });
  });

  it("shows the mix only to those who see the account, and never to another organization", async () => {
    const account = await buildAccount(t.db, admin.orgId, { currency: "CNY" });
    const product = await buildProduct(t.db, admin.orgId);
    await buildOrder(t.db, admin.orgId, account.id, { orderDate: monthStart(0), lines: [line(product.id, "1", "5", "5.00")] });

    const manager = await t.newUser(admin.orgId, "account_manager");
    const hidden = await manager.get(`/api/accounts/${account.id}/product-mix`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers["content-type"]).toContain("application/problem+json");
    await buildTeamMember(t.db, admin.orgId, account.id, manager.userId);
    expect((await manager.get(`/api/accounts/${account.id}/product-mix`)).json().items).toEqual([
      expect.objectContaining({ productId: product.id, revenue: "5.00", share: 1 }),
    ]);

    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(`/api/accounts/${account.id}/product-mix`)).statusCode).toBe(404);
  });

  it("refuses a window outside 1 to 60 months with problem details", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    for (const months of ["0", "61", "1.5", "twelve", "", "-3"]) {
      const res = await admin.get(`/api/accounts/${account.id}/product-mix?months=${months}`);
      expect(res.statusCode, `months=${months}`).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors).toEqual([expect.objectContaining({ field: expect.stringContaining("months") })]);
    }
    expect((await admin.get("/api/accounts/not-a-uuid/product-mix")).statusCode).toBe(400);
  });
});
