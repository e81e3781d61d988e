import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summariseOrders } from "./customer-orders";
import { trailingMonthOf } from "./growth-potential";
import { type OrderBook, OrderBookBuilder, orderBookBytes, PACKED_ORDER_BYTES, packedSegments, updateOrderBook } from "./order-book";
import { type AccountOrderTotals, aggregateOrderBook, excludedOrders, OrderBookAggregation, spliceTotals, TRAILING_MONTHS } from "./order-book-pass";

/** Account i's entries of the columns. */
function totalsOf(t: AccountOrderTotals, i: number) {
  const day = (v: number) => (v < 0 ? null : v);
  return {
    revenueWindow: t.revenueWindow[i], ordersWindow: t.ordersWindow[i], firstInWindow: day(t.firstInWindow[i]!), lastInWindow: day(t.lastInWindow[i]!),
    revenuePreviousYear: t.revenuePreviousYear[i], firstEver: day(t.firstEver[i]!), lastEver: day(t.lastEver[i]!), rows24m: t.rows24m[i],
    months: [...t.months.subarray(i * TRAILING_MONTHS, (i + 1) * TRAILING_MONTHS)],
  };
}

function packed(orders: ReadonlyArray<{ day: number; cents: number }>): Uint8Array {
  const bytes = new Uint8Array(orders.length * PACKED_ORDER_BYTES);
  const view = new DataView(bytes.buffer);
  orders.forEach((o, i) => {
    view.setInt32(i * PACKED_ORDER_BYTES, o.day);
    view.setFloat64(i * PACKED_ORDER_BYTES + 4, o.cents);
  });
  return bytes;
}

describe("OrderBookBuilder", () => {
  it("reads packed big-endian segments (as PostgreSQL's int4send and float8send write them) and grows past its first size", () => {
    const builder = new OrderBookBuilder();
    const many = Array.from({ length: 3000 }, (_, i) => ({ day: 20_000 - i, cents: i * 100 - 50 }));
    builder.addPacked("a", "CNY", packed(many));
    builder.addPacked("b", "USD", packed([{ day: -3, cents: -12_345 }]));
    builder.addPacked("a", "USD", packed([]));
    const book = builder.build();
    expect(book.orders).toBe(3001);
    expect([...book.segmentStart]).toEqual([0, 3000, 3001, 3001]);
    expect(book.segmentsOf.get("a")).toEqual([0, 2]);
    // Each segment is kept in day order.
    expect([book.day[0], book.cents[0], book.day[2999], book.cents[2999]]).toEqual([17_001, 299_850, 20_000, -50]);
    expect([book.lastDay, [...book.currencies]]).toEqual([20_000, ["CNY", "USD"]]);
    expect(new OrderBookBuilder().build().lastDay).toBe(Number.NEGATIVE_INFINITY);
    expect(book.day[3000]).toBe(-3);
    expect(book.cents[3000]).toBe(-12_345);
  });

  it("keeps each segment's orders in day order, whatever order they come in, and loses none", () => {
    const day = fc.oneof(fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: -3_000_000, max: 3_000_000 }));
    fc.assert(fc.property(fc.array(fc.array(fc.record({ day, cents: fc.integer({ min: -1e6, max: 1e6 }) }), { maxLength: 40 }), { maxLength: 5 }), (segments) => {
      const builder = new OrderBookBuilder(1);
      segments.forEach((orders, s) => (s % 2 === 0 ? builder.add(`a${s}`, "CNY", orders) : builder.addPacked(`a${s}`, "CNY", packed(orders))));
      const book = builder.build();
      segments.forEach((orders, s) => {
        const held = Array.from({ length: orders.length }, (_, k) => ({ day: book.day[book.segmentStart[s]! + k]!, cents: book.cents[book.segmentStart[s]! + k]! }));
        expect(held.every((o, k) => k === 0 || held[k - 1]!.day <= o.day)).toBe(true);
        const key = (o: { day: number; cents: number }) => `${o.day}:${o.cents}`;
        expect(held.map(key).sort()).toEqual(orders.map(key).sort());
      });
    }));
  });

  it("refuses a segment that is not a whole number of orders", () => {
    expect(() => new OrderBookBuilder().addPacked("a", "CNY", new Uint8Array(13))).toThrow(/not a whole number of orders/);
  });
});

/** A book's orders per account and currency, each list sorted: equal for two books that hold the same orders. */
/** The orders a book holds (its listed segments'), by account and currency, in day order; and checks its counts. */
function contentsOf(book: OrderBook) {
  const contents = new Map<string, string[]>();
  let held = 0;
  for (const [account, segments] of book.segmentsOf) {
    for (const s of segments) {
      expect(book.segmentAccount[s]).toBe(account);
      const key = `${account}/${book.segmentCurrency[s]}`;
      const orders = contents.get(key) ?? [];
      for (let i = book.segmentStart[s]!; i < book.segmentStart[s + 1]!; i++) {
        if (i > book.segmentStart[s]!) expect(book.day[i]!).toBeGreaterThanOrEqual(book.day[i - 1]!);
        orders.push(`${book.day[i]}:${book.cents[i]}`);
        held++;
      }
      contents.set(key, orders);
    }
  }
  expect(book.orders).toBe(held);
  const entries = [...contents].filter(([, orders]) => orders.length > 0).map(([key, orders]): [string, string[]] => [key, orders.sort()]);
  return new Map(entries.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

type Order = { account: string; currency: string; day: number; cents: number };

describe("a book and its totals brought up to date account by account", () => {
  const order = fc.record({ account: fc.constantFrom("a", "b", "c", "d"), currency: fc.constantFrom("CNY", "USD"), day: fc.integer({ min: -400, max: 20_000 }), cents: fc.integer({ min: -1e6, max: 1e8 }) });
  const bookOf = (orders: ReadonlyArray<{ account: string; currency: string; day: number; cents: number }>, only?: ReadonlySet<string>, capacity?: number) => {
    const builder = new OrderBookBuilder(capacity);
    const groups = new Map<string, Array<{ day: number; cents: number }>>();
    for (const o of orders) {
      if (only && !only.has(o.account)) continue;
      const key = `${o.account}/${o.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), { day: o.day, cents: o.cents }]);
    }
    for (const [key, list] of groups) builder.addPacked(key.split("/")[0]!, key.split("/")[1]!, packed(list));
    return builder;
  };

  it("equals a book read whole when the changed accounts' segments are read again and the rest copied", () => {
    fc.assert(fc.property(fc.array(order, { maxLength: 60 }), fc.array(order, { maxLength: 60 }), (before, after) => {
      const old = bookOf(before).build();
      // Accounts whose orders differ between the two states (as order_book_changes records them).
      const key = (o: { account: string }) => o.account;
      const changed = new Set([...before, ...after].map(key).filter((a) => JSON.stringify(before.filter((o) => o.account === a)) !== JSON.stringify(after.filter((o) => o.account === a))));
      const whole = contentsOf(bookOf(after).build());
      const builder = bookOf(after, changed);
      builder.addFrom(old, (account) => !changed.has(account));
      expect(contentsOf(builder.build())).toEqual(whole);
      // A builder sized to the orders exactly: the book holds just them, in columns with room after them.
      const exact = bookOf(after, changed, after.length);
      exact.addFrom(old, (account) => !changed.has(account));
      const book = exact.build();
      expect(contentsOf(book)).toEqual(whole);
      expect(book.day.length).toBe(after.length);
      expect(orderBookBytes(book)).toBeGreaterThanOrEqual((after.length + 4096) * PACKED_ORDER_BYTES);
    }));
  });

  /** The changed accounts between two states, and their orders in the second as packed segments. */
  const changesBetween = (before: readonly Order[], after: readonly Order[]) => {
    const accounts = new Set([...before, ...after].map((o) => o.account));
    const changed = new Set([...accounts].filter((a) => JSON.stringify(before.filter((o) => o.account === a)) !== JSON.stringify(after.filter((o) => o.account === a))));
    const groups = new Map<string, Order[]>();
    for (const o of after) if (changed.has(o.account)) groups.set(`${o.account}/${o.currency}`, [...(groups.get(`${o.account}/${o.currency}`) ?? []), o]);
    const segments = [...groups].map(([key, list]) => ({ account: key.split("/")[0]!, currency: key.split("/")[1]!, packed: packed(list) }));
    return { changed, segments };
  };

  it("updates a book state after state, each equal to the book built whole, and leaves each earlier book as it was", () => {
    fc.assert(fc.property(fc.array(fc.array(order, { maxLength: 40 }), { minLength: 2, maxLength: 6 }), (states) => {
      let book = bookOf(states[0]!).build();
      for (let k = 1; k < states.length; k++) {
        const before = contentsOf(book);
        const { changed, segments } = changesBetween(states[k - 1]!, states[k]!);
        const next = updateOrderBook(book, changed, segments);
        expect(contentsOf(next)).toEqual(contentsOf(bookOf(states[k]!).build()));
        expect(contentsOf(book)).toEqual(before);
        // What a pass reads of it equals the pass over the whole book.
        const query = { asOf: 10_000, windowDays: 365, currency: "CNY", excludedFrom: null };
        expect(aggregateOrderBook(next, ["a", "b", "c", "d"], query)).toEqual(aggregateOrderBook(bookOf(states[k]!).build(), ["a", "b", "c", "d"], query));
        book = next;
      }
    }));
  });

  it("packs a book's listed segments in day order, which a builder reads back as the same book without sorting", () => {
    fc.assert(fc.property(fc.array(fc.array(order, { maxLength: 40 }), { minLength: 1, maxLength: 4 }), (states) => {
      // A book read whole, then brought up to date in place: its columns also hold segments it no longer lists.
      let book = bookOf(states[0]!).build();
      for (let k = 1; k < states.length; k++) {
        const { changed, segments } = changesBetween(states[k - 1]!, states[k]!);
        book = updateOrderBook(book, changed, segments);
      }
      const stored = [...packedSegments(book)];
      expect(stored.reduce((n, s) => n + s.packed.byteLength / PACKED_ORDER_BYTES, 0)).toBe(book.orders);
      for (const s of stored) {
        const view = new DataView(s.packed.buffer);
        for (let offset = PACKED_ORDER_BYTES; offset < s.packed.byteLength; offset += PACKED_ORDER_BYTES) expect(view.getInt32(offset)).toBeGreaterThanOrEqual(view.getInt32(offset - PACKED_ORDER_BYTES));
      }
      const builder = new OrderBookBuilder();
      for (const s of stored) builder.addPacked(s.account, s.currency, s.packed);
      expect(contentsOf(builder.build())).toEqual(contentsOf(bookOf(states.at(-1)!).build()));
    }));
  });

  it("adds to the columns in place while they have room, and builds anew from a book another update already added to", () => {
    const orders = (account: string, n: number): Order[] => Array.from({ length: n }, (_, i) => ({ account, currency: "CNY", day: 9_000 + i, cents: 100 * i }));
    const first = bookOf([...orders("a", 10), ...orders("b", 1000)]).build();
    expect(orderBookBytes(first)).toBeGreaterThanOrEqual((1010 + 4096) * 12);
    const change = changesBetween(orders("a", 10), orders("a", 11));
    const second = updateOrderBook(first, change.changed, change.segments);
    // In place: the same columns, the new segment after the first book's orders, a's earlier one no longer listed.
    expect(second.day.buffer).toBe(first.day.buffer);
    expect([second.day.length, second.orders, second.segmentsOf.get("a")]).toEqual([1021, 1011, [2]]);
    expect(first.day.length).toBe(1010);
    // A second update from the first book cannot add after it any more (the second took that room): it copies.
    const other = changesBetween(orders("b", 1000), orders("b", 999));
    const sibling = updateOrderBook(first, other.changed, other.segments);
    expect(sibling.day.buffer).not.toBe(first.day.buffer);
    expect(contentsOf(sibling)).toEqual(contentsOf(bookOf([...orders("a", 10), ...orders("b", 999)]).build()));
    expect(contentsOf(second)).toEqual(contentsOf(bookOf([...orders("a", 11), ...orders("b", 1000)]).build()));
    expect(contentsOf(first)).toEqual(contentsOf(bookOf([...orders("a", 10), ...orders("b", 1000)]).build()));
    // An account's orders given though it did not change, or cut short: refused.
    expect(() => updateOrderBook(second, new Set(), change.segments)).toThrow(/not among the changed/);
    expect(() => updateOrderBook(second, change.changed, [{ ...change.segments[0]!, packed: new Uint8Array(13) }])).toThrow(/whole number/);
  });

  it("builds anew once a quarter of the columns would be orders no longer listed", () => {
    const orders = (n: number, from = 0): Order[] => Array.from({ length: n }, (_, i) => ({ account: "a", currency: "CNY", day: 9_000 + from + i, cents: 1 }));
    let book = bookOf(orders(1000)).build();
    // Replacing a's 1,000 orders leaves them behind: 2,000 positions for 1,000 orders is more than a quarter.
    const change = changesBetween(orders(1000), orders(1000, 1));
    const next = updateOrderBook(book, change.changed, change.segments);
    expect(next.day.buffer).not.toBe(book.day.buffer);
    expect(next.day.length).toBe(1000);
    book = next;
    expect(contentsOf(book)).toEqual(contentsOf(bookOf(orders(1000, 1)).build()));
  });

  it("brings a pass's totals up to date: the changed accounts aggregated again, spliced into the last totals, equal a whole pass", () => {
    const accounts = ["a", "b", "c", "d", "nobody"];
    const query = { asOf: 10_000, windowDays: 365, currency: "CNY", excludedFrom: null };
    fc.assert(fc.property(fc.array(order, { maxLength: 60 }), fc.array(order, { maxLength: 60 }), (before, after) => {
      const previous = aggregateOrderBook(bookOf(before).build(), accounts, query).totals;
      const changed = accounts.filter((a) => JSON.stringify(before.filter((o) => o.account === a)) !== JSON.stringify(after.filter((o) => o.account === a)));
      const book = bookOf(after).build();
      const positions = changed.map((a) => accounts.indexOf(a));
      const spliced = spliceTotals(previous, positions, aggregateOrderBook(book, changed, query).totals);
      const whole = aggregateOrderBook(book, accounts, query).totals;
      expect(accounts.map((_, i) => totalsOf(spliced, i))).toEqual(accounts.map((_, i) => totalsOf(whole, i)));
    }));
  });

  it("leaves the last totals as they were, and refuses positions outside them", () => {
    const book = bookOf([{ account: "a", currency: "CNY", day: 9_990, cents: 500 }]).build();
    const query = { asOf: 10_000, windowDays: 365, currency: "CNY", excludedFrom: null };
    const previous = aggregateOrderBook(book, ["a", "b"], query).totals;
    const fresh = aggregateOrderBook(book, ["a"], query).totals;
    fresh.revenueWindow[0] = 99;
    expect(spliceTotals(previous, [1], fresh).revenueWindow).toEqual(Float64Array.of(5, 99));
    expect(previous.revenueWindow).toEqual(Float64Array.of(5, 0));
    expect(() => spliceTotals(previous, [2], fresh)).toThrow(/position 2/);
    expect(() => spliceTotals(previous, [0, 1], fresh)).toThrow(RangeError);
  });
});

describe("aggregateOrderBook", () => {
  const asOf = 1000;

  it("nets credit notes, keeps them out of order counts and dates, and counts what it leaves out", () => {
    const builder = new OrderBookBuilder();
    builder.add("a", "CNY", [
      { day: 1000, cents: 10_000 },
      { day: 990, cents: -2_500 },
      { day: 700, cents: 5_000 },
      { day: 500, cents: 1_001 }, // 500 days before asOf: previous year
      { day: 1001, cents: 99_999 }, // future
    ]);
    builder.add("a", "USD", [{ day: 999, cents: 7 }, { day: 100, cents: 7 }, { day: 1200, cents: 7 }]);
    builder.add("b", "CNY", [{ day: 995, cents: -300 }]);
    const book = builder.build();
    const { totals, excluded } = aggregateOrderBook(book, ["a", "b", "nobody"], { asOf, windowDays: 365, currency: "CNY", excludedFrom: 636 });
    const [a, b, nobody] = [0, 1, 2].map((i) => totalsOf(totals, i));
    expect(a).toMatchObject({ revenueWindow: 125, ordersWindow: 2, firstInWindow: 300, lastInWindow: 0, revenuePreviousYear: 10.01, firstEver: 500, lastEver: 0, rows24m: 4 });
    expect(a!.months[0]).toBe(75);
    expect(a!.months[9]).toBe(50);
    expect(b).toMatchObject({ revenueWindow: -3, ordersWindow: 0, firstInWindow: null, lastInWindow: null, firstEver: null, lastEver: null, rows24m: 1 });
    expect(nobody).toMatchObject({ revenueWindow: 0, ordersWindow: 0, firstEver: null, rows24m: 0 });
    // USD: one in [636, 1000], one before it (not counted), one future; plus the CNY future order.
    expect(excluded).toEqual({ currency: 1, future: 2 });
    expect(aggregateOrderBook(book, ["a"], { asOf, windowDays: 365, currency: "CNY", excludedFrom: null }).excluded).toEqual({ currency: 2, future: 2 });
  });

  const order = fc.record({ customer: fc.constantFrom("a", "b", "c"), day: fc.integer({ min: 0, max: 1200 }), cents: fc.integer({ min: -50_000, max: 500_000 }) });

  it("agrees with the per-order summary and trailing months for any orders", () => {
    fc.assert(fc.property(fc.array(order, { maxLength: 60 }), fc.integer({ min: 1, max: 800 }), (orders, windowDays) => {
      const builder = new OrderBookBuilder();
      for (const customer of ["a", "b", "c"]) builder.add(customer, "CNY", orders.filter((o) => o.customer === customer));
      const { totals } = aggregateOrderBook(builder.build(), ["a", "b", "c"], { asOf, windowDays, currency: "CNY", excludedFrom: null });
      const inWindow = summariseOrders(orders.map((o) => ({ customer: o.customer, day: o.day, amount: o.cents })), { asOf, lookbackDays: windowDays });
      ["a", "b", "c"].forEach((customer, i) => {
        const total = totalsOf(totals, i);
        const summary = inWindow.find((s) => s.customer === customer);
        expect(total.ordersWindow).toBe(summary?.orders ?? 0);
        if (summary) {
          expect(total.revenueWindow).toBe(summary.revenue / 100);
          expect(total.firstInWindow).toBe(asOf - summary.firstOrderDay);
          expect(total.lastInWindow).toBe(asOf - summary.lastOrderDay);
        }
        const mine = orders.filter((o) => o.customer === customer && o.day <= asOf);
        const months = Array.from({ length: 24 }, (_, k) => mine.filter((o) => trailingMonthOf(o.day, asOf) === k).reduce((s, o) => s + o.cents, 0) / 100);
        expect(total.months).toEqual(months);
        const previousYear = mine.filter((o) => asOf - o.day >= 365 && asOf - o.day <= 729).reduce((s, o) => s + o.cents, 0) / 100;
        expect(total.revenuePreviousYear).toBe(previousYear);
        const orderDays = mine.filter((o) => o.cents >= 0).map((o) => asOf - o.day);
        expect([total.firstEver, total.lastEver]).toEqual(orderDays.length ? [Math.max(...orderDays), Math.min(...orderDays)] : [null, null]);
        expect(total.rows24m).toBe(mine.filter((o) => trailingMonthOf(o.day, asOf) < 24).length);
      });
    }));
  });

  it("counts the orders it leaves out alone as the pass does", () => {
    fc.assert(fc.property(fc.array(order, { maxLength: 60 }), fc.option(fc.integer({ min: 0, max: 1200 })), (orders, excludedFrom) => {
      const builder = new OrderBookBuilder();
      for (const customer of ["a", "b", "c"]) builder.add(customer, "CNY", orders.filter((o) => o.customer === customer && o.cents % 3 !== 0));
      for (const customer of ["a", "c"]) builder.add(customer, "USD", orders.filter((o) => o.customer === customer && o.cents % 3 === 0));
      const book = builder.build();
      const query = { asOf, windowDays: 365, currency: "CNY", excludedFrom };
      expect(excludedOrders(book, ["a", "b", "d"], query)).toEqual(aggregateOrderBook(book, ["a", "b", "d"], query).excluded);
    }));
  });

  it("gives the same totals in steps as in one go", () => {
    fc.assert(fc.property(fc.array(order, { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (orders, stepSize) => {
      const builder = new OrderBookBuilder();
      for (const customer of ["a", "b", "c"]) builder.add(customer, customer === "b" ? "USD" : "CNY", orders.filter((o) => o.customer === customer));
      const book = builder.build();
      const query = { asOf, windowDays: 365, currency: "CNY", excludedFrom: 700 };
      const stepped = new OrderBookAggregation(book, ["c", "a", "b", "d"], query);
      let steps = 1;
      while (!stepped.step(stepSize)) steps++;
      expect(steps).toBe(Math.ceil(4 / stepSize));
      expect(stepped.result).toEqual(aggregateOrderBook(book, ["c", "a", "b", "d"], query));
    }));
  });
});
