import { raiseOrderBookRevision } from "@openkam/db";
import { orderBookBytes } from "@openkam/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "../../tenancy/scope";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { buildBook } from "./analytics.fixtures";
import { OrderBookCache, orderBookBudget } from "./order-book-cache";

let t: TestApp;
let first: string;
let second: string;

beforeAll(async () => {
  t = await createTestApp();
  first = (await t.newOrgWithUser("director")).orgId;
  second = (await t.newOrgWithUser("director")).orgId;
  await buildBook(t, first);
  await buildBook(t, second);
});
afterAll(async () => t?.close());

describe("the order book cache", () => {
  it("holds the counted orders (confirmed, not deleted, every currency) and keeps them while the revision stays", async () => {
    const cache = new OrderBookCache();
    const read = await cache.get(t.db, systemScope(first));
    expect(read.loaded).toBe(true);
    // buildBook writes 16 orders; a cancelled and a deleted one do not count.
    expect(read.book.orders).toBe(14);
    expect(new Set(read.book.segmentCurrency)).toEqual(new Set(["CNY", "USD"]));
    const again = await cache.get(t.db, systemScope(first));
    expect(again).toMatchObject({ loaded: false });
    expect(again.book).toBe(read.book);
    await raiseOrderBookRevision(t.db, first);
    expect(await cache.get(t.db, systemScope(first))).toMatchObject({ loaded: true });
  });

  it("shares one read between runs that start together, and keeps organizations apart", async () => {
    const cache = new OrderBookCache();
    const [a, b, other] = await Promise.all([cache.get(t.db, systemScope(first)), cache.get(t.db, systemScope(first)), cache.get(t.db, systemScope(second))]);
    expect(a.book).toBe(b.book);
    expect(other.book).not.toBe(a.book);
    expect(other.book.segmentAccount.filter((account) => a.book.segmentAccount.includes(account))).toEqual([]);
    expect(other.book.orders).toBeGreaterThan(0);
  });

  it("drops the least recently used book beyond its budget, and keeps none larger than the budget", async () => {
    const probe = new OrderBookCache();
    const bytes = Math.max(...(await Promise.all([first, second].map(async (org) => orderBookBytes((await probe.get(t.db, systemScope(org))).book)))));
    const roomForOne = new OrderBookCache(bytes);
    await roomForOne.get(t.db, systemScope(first));
    await roomForOne.get(t.db, systemScope(second));
    expect(await roomForOne.get(t.db, systemScope(second))).toMatchObject({ loaded: false });
    expect(await roomForOne.get(t.db, systemScope(first))).toMatchObject({ loaded: true });
    const none = new OrderBookCache(0);
    await none.get(t.db, systemScope(first));
    expect(await none.get(t.db, systemScope(first))).toMatchObject({ loaded: true });
  });

  it("reads its budget from OPENKAM_ORDER_BOOK_CACHE_MB, 1024 MB by default", () => {
    expect(orderBookBudget({})).toBe(1024 * 1024 * 1024);
    expect(orderBookBudget({ OPENKAM_ORDER_BOOK_CACHE_MB: "64" })).toBe(64 * 1024 * 1024);
    expect(orderBookBudget({ OPENKAM_ORDER_BOOK_CACHE_MB: "lots" })).toBe(1024 * 1024 * 1024);
  });
});
