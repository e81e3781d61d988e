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
 */
export class CustomerOrdersAccumulator {
  readonly #byCustomer = new Map<string, CustomerOrders>();
  readonly #creditOnly = new Map<string, number>();
  readonly skipped: Record<OrderSkipReason, number> = { future: 0, "before-window": 0, "invalid-amount": 0 };
  accepted = 0;

  constructor(readonly window: OrderWindow) {}

  add(order: OrderEvent): void {
    if (!Number.isFinite(order.amount)) {
      this.skipped["invalid-amount"]++;
      return;
    }
    const place = placeInWindow(order.day, this.window);
    if (place !== "in") {
      this.skipped[place]++;
      return;
    }
    this.accepted++;
    const current = this.#byCustomer.get(order.customer);
    if (order.amount < 0) {
      if (current) current.revenue += order.amount;
      else this.#creditOnly.set(order.customer, (this.#creditOnly.get(order.customer) ?? 0) + order.amount);
      return;
    }
    if (!current) {
      const credits = this.#creditOnly.get(order.customer) ?? 0;
      this.#creditOnly.delete(order.customer);
      this.#byCustomer.set(order.customer, {
        customer: order.customer,
        firstOrderDay: order.day,
        lastOrderDay: order.day,
        orders: 1,
        revenue: order.amount + credits,
      });
      return;
    }
    current.orders++;
    current.revenue += order.amount;
    if (order.day < current.firstOrderDay) current.firstOrderDay = order.day;
    if (order.day > current.lastOrderDay) current.lastOrderDay = order.day;
  }

  /** Customers with at least one order in the window, sorted by customer id. */
  customers(): CustomerOrders[] {
    return [...this.#byCustomer.values()].sort((a, b) => compareIds(a.customer, b.customer));
  }

  /** Customers who only had credit notes in the window. */
  get creditOnlyCustomers(): number {
    return this.#creditOnly.size;
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
