import type { DayNumber } from "./dates";

/** One order (or credit note, when the amount is negative) of a customer, on a calendar day. */
export interface OrderEvent {
  customer: string;
  day: DayNumber;
  amount: number;
}

/** What the identification analyses need of a customer's history in the analysed window. */
export interface CustomerOrders {
  customer: string;
  /** Day of the first order (amount ≥ 0) in the window. */
  firstOrderDay: DayNumber;
  /** Day of the last order (amount ≥ 0) in the window. */
  lastOrderDay: DayNumber;
  /** Number of orders (amount ≥ 0) in the window; credit notes are not orders. */
  orders: number;
  /** Net revenue in the window: orders minus credit notes. */
  revenue: number;
}

export interface OrderWindow {
  /** The analysis date: orders after it are in the future and are left out. */
  asOf: DayNumber;
  /** Look-back in days: only orders on or after `asOf - lookbackDays + 1` count. Unlimited when absent. */
  lookbackDays?: number;
}

/** Why an order did not count, for the counts shown beside every result. */
export type OrderSkipReason = "future" | "before-window" | "invalid-amount";

/**
 * Whether an order falls in the window: on or before `asOf` (a later date is a future order),
 * and on or after the first day of the look-back (`asOf - lookbackDays + 1`, so a window of
 * 365 days ending on `asOf` holds exactly 365 calendar days).
 */
export function placeInWindow(day: DayNumber, window: OrderWindow): "in" | "future" | "before-window" {
  if (day > window.asOf) return "future";
  if (window.lookbackDays !== undefined && day < window.asOf - window.lookbackDays + 1) return "before-window";
  return "in";
}

/**
 * Accumulates orders per customer in one pass, in memory proportional to the number of
 * customers, not of orders (the CLI streams a CSV through it).
 *
 * Rules: a negative amount is a credit note (a return): it lowers the customer's net revenue but
 * is not an order and does not move the first or last order date. A customer with credit notes
 * only in the window has no order and is left out of `customers()`. Non-finite amounts are skipped.
 *
 * Each customer is a position in one typed array, its four figures side by side (net revenue, orders, first and last
 * order day), found by one map lookup an order: orders come in date order, so each one reaches a customer at random,
 * and one cache line a customer is what a million orders over 100,000 customers wait on (docs/performance.md).
 */
export class CustomerOrdersAccumulator {
  readonly #positions = new Map<string, number>();
  readonly #ids: string[] = [];
  /** Per customer: revenue, orders, first order day, last order day. */
  #figures = new Float64Array(4 * 1024);
  readonly skipped: Record<OrderSkipReason, number> = { future: 0, "before-window": 0, "invalid-amount": 0 };
  accepted = 0;
  readonly #from: number;

  constructor(readonly window: OrderWindow) {
    this.#from = window.lookbackDays === undefined ? Number.NEGATIVE_INFINITY : window.asOf - window.lookbackDays + 1;
  }

  add(order: OrderEvent): void {
    this.addOrder(order.customer, order.day, order.amount);
  }

  /** `add` without an object per order. */
  addOrder(customer: string, day: DayNumber, amount: number): void {
    if (!Number.isFinite(amount)) {
      this.skipped["invalid-amount"]++;
      return;
    }
    // placeInWindow, inline: it runs for every order of a file.
    if (day > this.window.asOf) {
      this.skipped.future++;
      return;
    }
    if (day < this.#from) {
      this.skipped["before-window"]++;
      return;
    }
    this.accepted++;
    let at = this.#positions.get(customer);
    if (at === undefined) {
      at = this.#ids.length * 4;
      if (at === this.#figures.length) {
        const grown = new Float64Array(at * 2);
        grown.set(this.#figures);
        this.#figures = grown;
      }
      this.#positions.set(customer, at);
      this.#ids.push(customer);
    }
    const f = this.#figures;
    // Credit notes count in revenue whenever they come, before or after the first order, in the order they come.
    f[at]! += amount;
    if (amount < 0) return;
    const orders = f[at + 1]!;
    if (orders === 0 || day < f[at + 2]!) f[at + 2] = day;
    if (orders === 0 || day > f[at + 3]!) f[at + 3] = day;
    f[at + 1] = orders + 1;
  }

  /** Customers with at least one order in the window, sorted by customer id. */
  customers(): CustomerOrders[] {
    const out: CustomerOrders[] = [];
    const f = this.#figures;
    for (let i = 0, at = 0; i < this.#ids.length; i++, at += 4) {
      if (f[at + 1] === 0) continue;
      out.push({ customer: this.#ids[i]!, firstOrderDay: f[at + 2]!, lastOrderDay: f[at + 3]!, orders: f[at + 1]!, revenue: f[at]! });
    }
    return out.sort((a, b) => compareIds(a.customer, b.customer));
  }

  /** Customers who only had credit notes in the window. */
  get creditOnlyCustomers(): number {
    let count = 0;
    for (let at = 1; at < this.#ids.length * 4; at += 4) if (this.#figures[at] === 0) count++;
    return count;
  }
}

/** Summarises orders per customer (see {@link CustomerOrdersAccumulator} for the rules). */
export function summariseOrders(orders: Iterable<OrderEvent>, window: OrderWindow): CustomerOrders[] {
  const accumulator = new CustomerOrdersAccumulator(window);
  for (const order of orders) accumulator.add(order);
  return accumulator.customers();
}

/** The one order of customer ids used everywhere a tie needs breaking: plain code-unit order, locale-free. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether ids come in strictly ascending compareIds order (as the runs list their accounts). */
export function idsAscending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}
