import { beforeAll, describe, expect, it } from "vitest";
import { generateDemo } from "./demo-generator";
import { CNY_PER_UNIT, parseCents } from "./money";

const AS_OF = "2025-06-30";

describe("demo orders at scale 1", () => {
  const data = generateDemo({ asOf: AS_OF, scale: 1 });
  const revenue = new Map<string, number>();
  const years = new Map<string, Map<number, number>>();
  let orders = 0;
  let mismatched = 0;
  let outside = 0;
  let malformed = 0;

  beforeAll(() => {
    for (const { order, lines } of data.orders()) {
      orders++;
      const lineSum = lines.reduce((sum, l) => sum + parseCents(l.amount), 0);
      if (lines.length === 0 || lineSum !== parseCents(order.amount)) mismatched++;
      if (order.orderDate >= AS_OF || order.orderDate < "2022-06-30") outside++;
      for (const l of lines) {
        const exact = BigInt(l.quantity.replace(".", "")) * BigInt(l.unitPrice.replace(".", ""));
        if (BigInt(parseCents(l.amount)) !== (exact + 500_000n) / 1_000_000n || !/^\d+\.\d{2}$/.test(l.amount)) malformed++;
      }
      if (order.status !== "confirmed") continue;
      const cny = parseCents(order.amount) * CNY_PER_UNIT[order.currency]!;
      revenue.set(order.accountId, (revenue.get(order.accountId) ?? 0) + cny);
      // Years ending on the as-of date: 2023 = the twelve months to 2023-06-29.
      const year = Number(order.orderDate.slice(0, 4)) + (order.orderDate.slice(5) >= "06-30" ? 1 : 0);
      const perYear = years.get(order.accountId) ?? new Map<number, number>();
      perYear.set(year, (perYear.get(year) ?? 0) + cny);
      years.set(order.accountId, perYear);
    }
  }, 120_000);

  it("has about 300 accounts and 60,000 orders in the three years before the as-of date", () => {
    expect(data.accounts.length).toBe(300);
    expect(orders).toBeGreaterThan(57_000);
    expect(orders).toBeLessThan(63_000);
    expect(outside).toBe(0);
  });

  it("sums each order's lines into its amount, each line being quantity × price to the cent", () => {
    expect(mismatched).toBe(0);
    expect(malformed).toBe(0);
  });

  it("puts 70-90% of the revenue in the top 20% of accounts", () => {
    const sorted = [...revenue.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top = sorted.slice(0, Math.round(data.accounts.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.7);
    expect(top / total).toBeLessThan(0.9);
  });

  it("has growing, declining and churned customers", () => {
    let growing = 0;
    let declining = 0;
    let stopped = 0;
    for (const account of data.accounts) {
      const perYear = years.get(account.id!);
      const first = perYear?.get(2023) ?? 0;
      const last = perYear?.get(2025) ?? 0;
      if (first > 0 && last > first * 1.2) growing++;
      if (first > 0 && last > 0 && last < first * 0.8) declining++;
      if (first > 0 && last === 0) stopped++;
    }
    expect(growing).toBeGreaterThan(30);
    expect(declining).toBeGreaterThan(20);
    expect(stopped).toBeGreaterThan(5);
    expect(data.accounts.filter((a) => a.status === "churned").length).toBeGreaterThan(5);
  });

  it("assigns about 3% strategic and 10% key accounts", () => {
    const count = (tier: string) => data.accounts.filter((a) => a.tier === tier).length;
    expect(count("strategic")).toBe(9);
    expect(count("key")).toBeGreaterThanOrEqual(28);
    expect(count("key")).toBeLessThanOrEqual(34);
  });
});
