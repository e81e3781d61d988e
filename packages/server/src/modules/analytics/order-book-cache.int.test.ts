import { newId, ORDER_BOOK_CHANGES_KEPT, raiseOrderBookRevision } from "@openkam/db";
import { type OrderBook, OrderBookBuilder, orderBookBytes } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "../../tenancy/scope";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { insertOrder, setDeleted, updateOrder } from "../orders/orders.repository";
import { buildBook } from "./analytics.fixtures";
import { OrderBookCache, orderBookBudget } from "./order-book-cache";
import { orderBookSnapshot, type PackedSegment, packedOrderSegments, storeOrderBookSnapshot } from "./order-book.repository";

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
    await raiseOrderBookRevision(t.db, first, "all");
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

  it("reads again only the accounts whose orders changed, and holds what a whole read would", async () => {
    const org = (await t.newOrgWithUser("director")).orgId;
    const { a, b, g } = await buildBook(t, org);
    const scope = systemScope(org);
    const cache = new OrderBookCache();
    await cache.get(t.db, scope);
    const inserted = await t.db.transaction((tx) => insertOrder(tx, scope, { id: newId(), accountId: g.id, orderDate: "2025-06-01", currency: "CNY", amount: "42.50", status: "confirmed" }));
    expect(await cache.get(t.db, scope)).toMatchObject({ loaded: true, changedAccounts: 1 });
    // Moved to another account: both accounts' orders change; then deleted.
    const moved = await t.db.transaction((tx) => updateOrder(tx, scope, inserted.id, inserted.version, { accountId: a.id }));
    await t.db.transaction((tx) => setDeleted(tx, scope, moved!.id, true));
    const [order] = await t.db.rows<{ id: string }>(sql`select id from orders where org_id = ${org} and account_id = ${b.id} and amount = 500 limit 1`);
    await t.db.transaction((tx) => setDeleted(tx, scope, order!.id, true));
    const refreshed = await cache.get(t.db, scope);
    expect(refreshed).toMatchObject({ loaded: true, changedAccounts: 3 });
    const whole = await new OrderBookCache().get(t.db, scope);
    expect(whole.changedAccounts).toBeNull();
    expect(contentsOf(refreshed.book)).toEqual(contentsOf(whole.book));
    expect(contentsOf(refreshed.book)).toContain(`${b.id}/CNY/20120/-20000`);
    expect(refreshed.book.orders).toBe(13);
  });

  it("reads the book whole after a change to unknown accounts, or when the changes since its revision are no longer kept", async () => {
    const org = (await t.newOrgWithUser("director")).orgId;
    const { c } = await buildBook(t, org);
    const scope = systemScope(org);
    const cache = new OrderBookCache();
    await cache.get(t.db, scope);
    await raiseOrderBookRevision(t.db, org, "all");
    expect(await cache.get(t.db, scope)).toMatchObject({ loaded: true, changedAccounts: null });
    await raiseOrderBookRevision(t.db, org, [c.id]);
    expect(await cache.get(t.db, scope)).toMatchObject({ loaded: true, changedAccounts: 1 });
    for (let i = 0; i <= ORDER_BOOK_CHANGES_KEPT; i++) await raiseOrderBookRevision(t.db, org, [c.id]);
    expect(await t.db.rows(sql`select revision from order_book_changes where org_id = ${org}`)).toHaveLength(ORDER_BOOK_CHANGES_KEPT);
    expect(await cache.get(t.db, scope)).toMatchObject({ loaded: true, changedAccounts: null });
  });

  it("stores a whole read as the snapshot, which the next process reads with the accounts changed since", async () => {
    const org = (await t.newOrgWithUser("director")).orgId;
    const { a, g } = await buildBook(t, org);
    const scope = systemScope(org);
    const first = await new OrderBookCache().get(t.db, scope);
    expect(first).toMatchObject({ loaded: true, wholeFrom: "orders" });
    const revision = await currentRevision(org);
    const stored = await orderBookSnapshot(t.db, scope);
    expect(stored?.revision).toBe(revision);
    expect(contentsOf(bookOf(stored!.segments))).toEqual(contentsOf(first.book));

    // Another process: the snapshot as it is.
    const restarted = await new OrderBookCache().get(t.db, scope);
    expect(restarted).toMatchObject({ loaded: true, wholeFrom: "snapshot" });
    expect(contentsOf(restarted.book)).toEqual(contentsOf(first.book));

    // Orders added, moved and deleted since: the snapshot's other accounts, these accounts' orders as they are now.
    const inserted = await t.db.transaction((tx) => insertOrder(tx, scope, { id: newId(), accountId: g.id, orderDate: "2025-06-01", currency: "CNY", amount: "42.50", status: "confirmed" }));
    const moved = await t.db.transaction((tx) => updateOrder(tx, scope, inserted.id, inserted.version, { accountId: a.id }));
    await t.db.transaction((tx) => insertOrder(tx, scope, { id: newId(), accountId: g.id, orderDate: "2025-07-01", currency: "USD", amount: "7.00", status: "confirmed" }));
    const [gone] = await t.db.rows<{ id: string }>(sql`select id from orders where org_id = ${org} and account_id = ${a.id} and id <> ${moved!.id} and deleted_at is null limit 1`);
    await t.db.transaction((tx) => setDeleted(tx, scope, gone!.id, true));
    const later = await new OrderBookCache().get(t.db, scope);
    expect(later).toMatchObject({ loaded: true, wholeFrom: "snapshot" });
    expect(contentsOf(later.book)).toEqual(contentsOf(await bookFromOrders(org)));
    expect(contentsOf(later.book)).toContain(`${a.id}/CNY/20240/4250`);
    expect(contentsOf(later.book)).not.toEqual(contentsOf(first.book));
    // Read from the snapshot, nothing is stored: the snapshot stays at its revision.
    expect((await orderBookSnapshot(t.db, scope))?.revision).toBe(revision);
  });

  it("reads every order when the snapshot is too far behind, and stores a new one; an older snapshot never replaces a newer", async () => {
    const org = (await t.newOrgWithUser("director")).orgId;
    const { c } = await buildBook(t, org);
    const scope = systemScope(org);
    await new OrderBookCache().get(t.db, scope);
    const old = await orderBookSnapshot(t.db, scope);
    await raiseOrderBookRevision(t.db, org, "all");
    await t.db.transaction((tx) => insertOrder(tx, scope, { id: newId(), accountId: c.id, orderDate: "2025-06-02", currency: "CNY", amount: "10.00", status: "confirmed" }));
    const read = await new OrderBookCache().get(t.db, scope);
    expect(read).toMatchObject({ loaded: true, wholeFrom: "orders" });
    expect(contentsOf(read.book)).toEqual(contentsOf(await bookFromOrders(org)));
    const renewed = await orderBookSnapshot(t.db, scope);
    expect(renewed?.revision).toBe(await currentRevision(org));
    expect(renewed!.revision).toBeGreaterThan(old!.revision);
    const stale = old!.segments.map((s) => ({ account: s.account_id, currency: s.currency, packed: Buffer.from(s.packed, "base64") }));
    expect(await storeOrderBookSnapshot(t.db, scope, old!.revision, stale)).toBe(false);
    expect(await storeOrderBookSnapshot(t.db, scope, renewed!.revision, stale)).toBe(false);
    expect(contentsOf(bookOf((await orderBookSnapshot(t.db, scope))!.segments))).toEqual(contentsOf(read.book));
  });

  it("keeps each organization's snapshot to itself", async () => {
    const [one, two] = [(await t.newOrgWithUser("director")).orgId, (await t.newOrgWithUser("director")).orgId];
    await buildBook(t, one);
    await buildBook(t, two);
    await Promise.all([one, two].map((org) => new OrderBookCache().get(t.db, systemScope(org))));
    const [a, b] = await Promise.all([one, two].map((org) => new OrderBookCache().get(t.db, systemScope(org))));
    expect([a!.wholeFrom, b!.wholeFrom]).toEqual(["snapshot", "snapshot"]);
    expect(contentsOf(a!.book)).toEqual(contentsOf(await bookFromOrders(one)));
    expect(contentsOf(b!.book)).toEqual(contentsOf(await bookFromOrders(two)));
    expect(a!.book.segmentAccount.filter((account) => b!.book.segmentAccount.includes(account))).toEqual([]);
  });

  it("reads its budget from OPENKAM_ORDER_BOOK_CACHE_MB, 1024 MB by default", () => {
    expect(orderBookBudget({})).toBe(1024 * 1024 * 1024);
    expect(orderBookBudget({ OPENKAM_ORDER_BOOK_CACHE_MB: "64" })).toBe(64 * 1024 * 1024);
    expect(orderBookBudget({ OPENKAM_ORDER_BOOK_CACHE_MB: "lots" })).toBe(1024 * 1024 * 1024);
  });
});

/** A book's orders (those of its listed segments) as sorted `account/currency/day/cents` lines: equal for two books that hold the same orders. */
function contentsOf(book: OrderBook): string[] {
  return [...book.segmentsOf].flatMap(([account, segments]) => segments.flatMap((s) => Array.from({ length: book.segmentStart[s + 1]! - book.segmentStart[s]! }, (_, k) => {
    const i = book.segmentStart[s]! + k;
    return `${account}/${book.segmentCurrency[s]}/${book.day[i]}/${book.cents[i]}`;
  }))).sort();
}

async function currentRevision(org: string): Promise<number> {
  const [row] = await t.db.rows<{ revision: string | number }>(sql`select revision from order_book_revisions where org_id = ${org}`);
  return Number(row!.revision);
}

/** A book made of packed segments (base64), as the database gives them. */
function bookOf(segments: readonly PackedSegment[]): OrderBook {
  const builder = new OrderBookBuilder();
  for (const s of segments) builder.addPacked(s.account_id, s.currency, Buffer.from(s.packed, "base64"));
  return builder.build();
}

/** The organization's orders as they are now, packed by the database, as a book. */
async function bookFromOrders(org: string): Promise<OrderBook> {
  return bookOf(await packedOrderSegments(t.db, systemScope(org)));
}
