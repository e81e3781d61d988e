import type { DayNumber } from "./dates";

/**
 * An organization's order book in columns: the account-level analyses (RFM, Pareto, matrix, selection) read
 * every order up to their date, and one pass over typed arrays does that in a fraction of the time of a
 * grouped SQL query (see docs/performance.md, "Identify").
 *
 * The orders are held in segments, one per account and currency, each a run of positions in the `day` and
 * `cents` columns. Amounts are whole cents in doubles, so sums are exact up to 2^53 cents, and equal to the
 * database's numeric sums.
 */
export interface OrderBook {
  /** The account of each segment. */
  readonly segmentAccount: readonly string[];
  /** The currency of each segment. */
  readonly segmentCurrency: readonly string[];
  /** Where each segment starts in the columns; one more entry than segments (the end of the last). */
  readonly segmentStart: Int32Array;
  readonly day: Int32Array;
  readonly cents: Float64Array;
  /** The segments of each account. */
  readonly segmentsOf: ReadonlyMap<string, readonly number[]>;
  /** Orders held. */
  readonly orders: number;
}

/** Bytes per order in a packed segment: the day (4-byte signed integer) and the cents (8-byte double), big-endian. */
export const PACKED_ORDER_BYTES = 12;

/** Builds an order book from packed segments, growing its columns as they come. */
export class OrderBookBuilder {
  #day = new Int32Array(1024);
  #cents = new Float64Array(1024);
  #length = 0;
  readonly #accounts: string[] = [];
  readonly #currencies: string[] = [];
  readonly #starts: number[] = [];

  /** Adds the orders of one account in one currency, packed as PACKED_ORDER_BYTES each (the order does not matter). */
  addPacked(account: string, currency: string, packed: Uint8Array): void {
    if (packed.byteLength % PACKED_ORDER_BYTES !== 0) throw new RangeError(`a packed segment of ${packed.byteLength} bytes is not a whole number of orders`);
    const n = packed.byteLength / PACKED_ORDER_BYTES;
    this.#reserve(n);
    const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
    this.#accounts.push(account);
    this.#currencies.push(currency);
    this.#starts.push(this.#length);
    for (let i = 0, at = 0; i < n; i++, at += PACKED_ORDER_BYTES) {
      this.#day[this.#length] = view.getInt32(at);
      this.#cents[this.#length] = view.getFloat64(at + 4);
      this.#length++;
    }
  }

  /** Adds orders given as columns (tests, and callers holding orders in memory). */
  add(account: string, currency: string, orders: ReadonlyArray<{ day: DayNumber; cents: number }>): void {
    this.#reserve(orders.length);
    this.#accounts.push(account);
    this.#currencies.push(currency);
    this.#starts.push(this.#length);
    for (const order of orders) {
      this.#day[this.#length] = order.day;
      this.#cents[this.#length] = order.cents;
      this.#length++;
    }
  }

  build(): OrderBook {
    const segmentsOf = new Map<string, number[]>();
    this.#accounts.forEach((account, segment) => {
      const list = segmentsOf.get(account);
      if (list) list.push(segment);
      else segmentsOf.set(account, [segment]);
    });
    return {
      segmentAccount: this.#accounts,
      segmentCurrency: this.#currencies,
      segmentStart: Int32Array.from([...this.#starts, this.#length]),
      day: this.#day.slice(0, this.#length),
      cents: this.#cents.slice(0, this.#length),
      segmentsOf,
      orders: this.#length,
    };
  }

  #reserve(more: number): void {
    const needed = this.#length + more;
    if (needed <= this.#day.length) return;
    const size = Math.max(needed, this.#day.length * 2);
    const day = new Int32Array(size);
    day.set(this.#day.subarray(0, this.#length));
    const cents = new Float64Array(size);
    cents.set(this.#cents.subarray(0, this.#length));
    this.#day = day;
    this.#cents = cents;
  }
}

/** Bytes the columns of a book take (for a cache's budget). */
export function orderBookBytes(book: OrderBook): number {
  return book.day.byteLength + book.cents.byteLength + book.segmentStart.byteLength + book.segmentAccount.length * 120;
}

/** Trailing months of an account's revenue kept per account (two years). */
export const TRAILING_MONTHS = 24;

/**
 * One account's orders in the analysis currency up to `asOf`, as the account-level analyses read them. Days
 * are counted back from `asOf` (0 = asOf itself). An order is an amount ≥ 0; a credit note (< 0) lowers revenue
 * but is not an order.
 */
export interface AccountOrderTotals {
  /** Net revenue in the window [asOf − windowDays + 1, asOf]. */
  revenueWindow: number;
  /** Orders in the window. */
  ordersWindow: number;
  /** Days before asOf of the first and last order in the window; null without one. */
  firstInWindow: number | null;
  lastInWindow: number | null;
  /** Net revenue of the year before the last 365 days (365-729 days before asOf). */
  revenuePreviousYear: number;
  /** Days before asOf of the first and last order ever (up to asOf). */
  firstEver: number | null;
  lastEver: number | null;
  /** Orders and credit notes in the 24 trailing months. */
  rows24m: number;
  /** Net revenue of trailing month k (0 = the month ending on asOf; a month is 365.25 / 12 days). */
  months: Float64Array;
}

export interface OrderBookQuery {
  asOf: DayNumber;
  windowDays: number;
  currency: string;
  /** Orders in another currency dated from this day (or any day when null) up to asOf are counted as excluded. */
  excludedFrom: DayNumber | null;
}

export interface OrderBookAggregate {
  /** The totals of each requested account, in the order given. */
  totals: AccountOrderTotals[];
  /** Orders of the requested accounts left out: in another currency (in the counted range), or dated after asOf. */
  excluded: { currency: number; future: number };
}

/**
 * The account-level aggregates of the requested accounts in one pass over their orders: what a grouped query with
 * filtered sums per account computes, with the sums in exact cents.
 */
export function aggregateOrderBook(book: OrderBook, accounts: readonly string[], query: OrderBookQuery): OrderBookAggregate {
  const { asOf, windowDays, currency, excludedFrom } = query;
  const lastWindowDay = windowDays - 1;
  const excluded = { currency: 0, future: 0 };
  const { day, cents, segmentStart } = book;
  const totals = accounts.map((account): AccountOrderTotals => {
    let revenueWindow = 0, ordersWindow = 0, revenuePreviousYear = 0, rows24m = 0;
    let firstInWindow = -1, lastInWindow = Number.MAX_SAFE_INTEGER, firstEver = -1, lastEver = Number.MAX_SAFE_INTEGER;
    const months = new Float64Array(TRAILING_MONTHS);
    for (const segment of book.segmentsOf.get(account) ?? []) {
      const end = segmentStart[segment + 1]!;
      if (book.segmentCurrency[segment] !== currency) {
        for (let i = segmentStart[segment]!; i < end; i++) {
          const d = day[i]!;
          if (d > asOf) excluded.future++;
          else if (excludedFrom === null || d >= excludedFrom) excluded.currency++;
        }
        continue;
      }
      for (let i = segmentStart[segment]!; i < end; i++) {
        const d = asOf - day[i]!;
        if (d < 0) {
          excluded.future++;
          continue;
        }
        const amount = cents[i]!;
        const isOrder = amount >= 0;
        if (d <= lastWindowDay) {
          revenueWindow += amount;
          if (isOrder) {
            ordersWindow++;
            if (d > firstInWindow) firstInWindow = d;
            if (d < lastInWindow) lastInWindow = d;
          }
        }
        if (d >= 365 && d <= 729) revenuePreviousYear += amount;
        if (isOrder) {
          if (d > firstEver) firstEver = d;
          if (d < lastEver) lastEver = d;
        }
        // floor(d / 30.4375) in integer arithmetic: a trailing month is 487 / 16 days.
        const month = Math.floor((d * 16) / 487);
        if (month < TRAILING_MONTHS) {
          rows24m++;
          months[month]! += amount;
        }
      }
    }
    for (let k = 0; k < TRAILING_MONTHS; k++) months[k] = months[k]! / 100;
    return {
      revenueWindow: revenueWindow / 100,
      ordersWindow,
      firstInWindow: firstInWindow < 0 ? null : firstInWindow,
      lastInWindow: ordersWindow === 0 ? null : lastInWindow,
      revenuePreviousYear: revenuePreviousYear / 100,
      firstEver: firstEver < 0 ? null : firstEver,
      lastEver: firstEver < 0 ? null : lastEver,
      rows24m,
      months,
    };
  });
  return { totals, excluded };
}
