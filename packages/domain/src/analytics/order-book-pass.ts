import type { DayNumber } from "./dates";
import type { OrderBook } from "./order-book";

// The pass over an order book (order-book.ts): each requested account's totals up to an analysis date, what the
// account-level analyses read, in one pass over typed arrays.

/** Trailing months of an account's revenue kept per account (two years). */
export const TRAILING_MONTHS = 24;

/**
 * The requested accounts' orders in the analysis currency up to `asOf`, as the account-level analyses read them:
 * columns with one entry per account, in the order requested. Days are counted back from `asOf` (0 = asOf
 * itself), −1 when there is no such order. An order is an amount ≥ 0; a credit note (< 0) lowers revenue but is
 * not an order.
 */
export interface AccountOrderTotals {
  /** Net revenue in the window [asOf − windowDays + 1, asOf]. */
  revenueWindow: Float64Array;
  /** Orders in the window. */
  ordersWindow: Int32Array;
  /** Days before asOf of the first and last order in the window. */
  firstInWindow: Int32Array;
  lastInWindow: Int32Array;
  /** Net revenue of the year before the last 365 days (365-729 days before asOf). */
  revenuePreviousYear: Float64Array;
  /** Days before asOf of the first and last order ever (up to asOf). */
  firstEver: Int32Array;
  lastEver: Int32Array;
  /** Orders and credit notes in the 24 trailing months. */
  rows24m: Int32Array;
  /**
   * Net revenue of trailing month k of account i at i × TRAILING_MONTHS + k (month 0 ends on asOf; a month is
   * 365.25 / 12 days).
   */
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
  totals: AccountOrderTotals;
  /** Orders of the requested accounts left out: in another currency (in the counted range), or dated after asOf. */
  excluded: { currency: number; future: number };
}

/** Days before asOf that fall in the 24 trailing months (floor(d / 30.4375) < 24). */
const TRAILING_DAYS = Math.ceil((TRAILING_MONTHS * 487) / 16);
/** The trailing month of each such day: floor(d / 30.4375), a month being 487 / 16 days. */
const MONTH_OF_DAY = Int8Array.from({ length: TRAILING_DAYS }, (_, d) => Math.floor((d * 16) / 487));

/** The first position in [from, to) of a day-ordered column whose day is after `day` (`to` when none is). */
function firstAfter(days: Int32Array, from: number, to: number, day: number): number {
  let lo = from, hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The end of a segment's orders up to `day`: its end when its last order is not after it (no search). */
function ordersUpTo(days: Int32Array, from: number, to: number, day: number): number {
  return to === from || days[to - 1]! <= day ? to : firstAfter(days, from, to, day);
}

/**
 * The account-level aggregates of the requested accounts in one pass over their orders: what a grouped query with
 * filtered sums per account computes, with the sums in exact cents.
 */
export function aggregateOrderBook(book: OrderBook, accounts: readonly string[], query: OrderBookQuery): OrderBookAggregate {
  const aggregation = new OrderBookAggregation(book, accounts, query);
  aggregation.step(accounts.length);
  return aggregation.result;
}

/**
 * The orders of the requested accounts an aggregation leaves out (OrderBookAggregate.excluded), counted alone: a
 * few binary searches per account, for a caller that already holds the totals of the same accounts.
 */
export function excludedOrders(book: OrderBook, accounts: readonly string[], query: Omit<OrderBookQuery, "windowDays">): OrderBookAggregate["excluded"] {
  const { asOf, currency, excludedFrom } = query;
  const { day, segmentStart, segmentCurrency } = book;
  const excluded = { currency: 0, future: 0 };
  // The usual book, in one currency with no order after asOf, leaves nothing out.
  if (book.lastDay <= asOf && [...book.currencies].every((c) => c === currency)) return excluded;
  for (const account of accounts) {
    for (const segment of book.segmentsOf.get(account) ?? []) {
      const first = segmentStart[segment]!;
      const upTo = ordersUpTo(day, first, segmentStart[segment + 1]!, asOf);
      excluded.future += segmentStart[segment + 1]! - upTo;
      if (segmentCurrency[segment] !== currency) excluded.currency += upTo - (excludedFrom === null ? first : firstAfter(day, first, upTo, excludedFrom - 1));
    }
  }
  return excluded;
}

/**
 * Totals with some accounts' rows replaced: `previous` holds every account's totals (by position), `fresh` those of
 * the accounts at `positions` (fresh row k is the account at positions[k]). A new copy: `previous` is left as it was.
 * After orders of a few accounts changed, the totals of all are the last pass's with those accounts aggregated again.
 */
export function spliceTotals(previous: AccountOrderTotals, positions: ArrayLike<number>, fresh: AccountOrderTotals): AccountOrderTotals {
  const totals: AccountOrderTotals = {
    revenueWindow: previous.revenueWindow.slice(),
    ordersWindow: previous.ordersWindow.slice(),
    firstInWindow: previous.firstInWindow.slice(),
    lastInWindow: previous.lastInWindow.slice(),
    revenuePreviousYear: previous.revenuePreviousYear.slice(),
    firstEver: previous.firstEver.slice(),
    lastEver: previous.lastEver.slice(),
    rows24m: previous.rows24m.slice(),
    months: previous.months.slice(),
  };
  if (fresh.ordersWindow.length !== positions.length) throw new RangeError("the fresh totals must hold one row per position");
  for (let k = 0; k < positions.length; k++) {
    const a = positions[k]!;
    if (!(a >= 0 && a < totals.ordersWindow.length)) throw new RangeError(`position ${a} is not an account of the totals`);
    totals.revenueWindow[a] = fresh.revenueWindow[k]!;
    totals.ordersWindow[a] = fresh.ordersWindow[k]!;
    totals.firstInWindow[a] = fresh.firstInWindow[k]!;
    totals.lastInWindow[a] = fresh.lastInWindow[k]!;
    totals.revenuePreviousYear[a] = fresh.revenuePreviousYear[k]!;
    totals.firstEver[a] = fresh.firstEver[k]!;
    totals.lastEver[a] = fresh.lastEver[k]!;
    totals.rows24m[a] = fresh.rows24m[k]!;
    totals.months.set(fresh.months.subarray(k * TRAILING_MONTHS, (k + 1) * TRAILING_MONTHS), a * TRAILING_MONTHS);
  }
  return totals;
}

/**
 * aggregateOrderBook in steps of a number of accounts, so that a caller sharing its thread (a server) can give other
 * work a turn between steps: 10,000,000 orders take about half a second in all.
 */
export class OrderBookAggregation {
  readonly result: OrderBookAggregate;
  #next = 0;

  constructor(private readonly book: OrderBook, private readonly accounts: readonly string[], private readonly query: OrderBookQuery) {
    const n = accounts.length;
    this.result = {
      totals: {
        revenueWindow: new Float64Array(n),
        ordersWindow: new Int32Array(n),
        firstInWindow: new Int32Array(n).fill(-1),
        lastInWindow: new Int32Array(n).fill(-1),
        revenuePreviousYear: new Float64Array(n),
        firstEver: new Int32Array(n).fill(-1),
        lastEver: new Int32Array(n).fill(-1),
        rows24m: new Int32Array(n),
        months: new Float64Array(n * TRAILING_MONTHS),
      },
      excluded: { currency: 0, future: 0 },
    };
  }

  /** Aggregates up to `count` more accounts; true once every account is done. */
  step(count: number): boolean {
    const { book, accounts } = this;
    const { asOf, windowDays, currency, excludedFrom } = this.query;
    const { totals, excluded } = this.result;
    const { day, cents, segmentStart, segmentCurrency } = book;
    const lastWindowDay = windowDays - 1;
    // The oldest day whose orders count for more than the first order ever: in the window or the trailing months.
    const reachFrom = asOf - Math.max(lastWindowDay, TRAILING_DAYS - 1);
    const end = Math.min(accounts.length, this.#next + count);
    for (let a = this.#next; a < end; a++) {
      const segments = book.segmentsOf.get(accounts[a]!);
      if (!segments) continue;
      let revenueWindow = 0, ordersWindow = 0, revenuePreviousYear = 0, rows24m = 0;
      let firstInWindow = -1, lastInWindow = -1, firstEver = -1, lastEver = -1;
      const monthBase = a * TRAILING_MONTHS;
      for (const segment of segments) {
        const first = segmentStart[segment]!;
        // Orders are in day order: those after asOf are the segment's tail.
        const upTo = ordersUpTo(day, first, segmentStart[segment + 1]!, asOf);
        excluded.future += segmentStart[segment + 1]! - upTo;
        if (segmentCurrency[segment] !== currency) {
          excluded.currency += upTo - (excludedFrom === null ? first : firstAfter(day, first, upTo, excludedFrom - 1));
          continue;
        }
        for (let i = first; i < upTo; i++) {
          if (cents[i]! < 0) continue;
          if (asOf - day[i]! > firstEver) firstEver = asOf - day[i]!;
          break;
        }
        for (let i = upTo - 1; i >= first; i--) {
          if (cents[i]! < 0) continue;
          if (lastEver < 0 || asOf - day[i]! < lastEver) lastEver = asOf - day[i]!;
          break;
        }
        for (let i = firstAfter(day, first, upTo, reachFrom - 1); i < upTo; i++) {
          const d = asOf - day[i]!;
          const amount = cents[i]!;
          if (d <= lastWindowDay) {
            revenueWindow += amount;
            if (amount >= 0) {
              ordersWindow++;
              if (d > firstInWindow) firstInWindow = d;
              if (lastInWindow < 0 || d < lastInWindow) lastInWindow = d;
            }
          }
          if (d < TRAILING_DAYS) {
            rows24m++;
            totals.months[monthBase + MONTH_OF_DAY[d]!]! += amount;
            if (d >= 365 && d <= 729) revenuePreviousYear += amount;
          }
        }
      }
      for (let k = monthBase; k < monthBase + TRAILING_MONTHS; k++) totals.months[k] = totals.months[k]! / 100;
      totals.revenueWindow[a] = revenueWindow / 100;
      totals.ordersWindow[a] = ordersWindow;
      totals.firstInWindow[a] = firstInWindow;
      totals.lastInWindow[a] = lastInWindow;
      totals.revenuePreviousYear[a] = revenuePreviousYear / 100;
      totals.firstEver[a] = firstEver;
      totals.lastEver[a] = lastEver;
      totals.rows24m[a] = rows24m;
    }
    this.#next = end;
    return end === accounts.length;
  }
}
