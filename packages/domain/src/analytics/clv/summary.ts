import type { OrderEvent } from "../customer-orders";
import type { DayNumber } from "../dates";

export const TIME_UNITS = ["day", "week", "month"] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Days per time unit; a month is a twelfth of 365.25 days. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7, month: 365.25 / 12 };

/** A customer's calibration-period history in the form the BG/NBD and Gamma-Gamma models take. */
export interface ClvSummaryRow {
  customer: string;
  /** x: repeat purchases, i.e. purchase days after the first one, in the calibration period. */
  frequency: number;
  /** t_x: time from the first to the last purchase day, in time units. */
  recency: number;
  /** T: time from the first purchase day to the end of the calibration period, in time units. */
  T: number;
  /** Mean value of the repeat purchase days (each day's orders summed); 0 when frequency is 0. */
  monetaryValue: number;
}

/**
 * Builds (x, t_x, T) per customer with the conventions of Fader, Hardie & Lee (2005):
 * a purchase is a customer's day with at least one order of amount ≥ 0 (zero-value orders, such as
 * free promotions, are purchases; negative amounts are returns and are left out of the CLV models);
 * orders of the same day are merged into one purchase whose value is their sum; only days on or
 * before `calibrationEnd` (inclusive) count; customers whose first purchase is after it are left out.
 * The monetary value follows Fader & Hardie's Gamma-Gamma note: the mean value of the repeat purchases,
 * i.e. every purchase day except the first.
 */
export class ClvSummaryAccumulator {
  readonly #days = new Map<string, { days: number[]; amounts: number[] }>();
  skipped = 0;

  constructor(
    readonly calibrationEnd: DayNumber,
    readonly timeUnit: TimeUnit = "week",
  ) {}

  add(order: OrderEvent): void {
    if (!(order.amount >= 0) || order.day > this.calibrationEnd) {
      this.skipped++;
      return;
    }
    let entry = this.#days.get(order.customer);
    if (!entry) {
      entry = { days: [], amounts: [] };
      this.#days.set(order.customer, entry);
    }
    entry.days.push(order.day);
    entry.amounts.push(order.amount);
  }

  /** One row per customer, in order of customer id. */
  rows(): ClvSummaryRow[] {
    const unit = DAYS_PER_UNIT[this.timeUnit];
    const rows: ClvSummaryRow[] = [];
    for (const [customer, { days, amounts }] of this.#days) {
      const perDay = new Map<number, number>();
      days.forEach((day, i) => perDay.set(day, (perDay.get(day) ?? 0) + amounts[i]!));
      const ordered = [...perDay.keys()].sort((a, b) => a - b);
      const first = ordered[0]!;
      const last = ordered[ordered.length - 1]!;
      const repeatValues = ordered.slice(1).map((day) => perDay.get(day)!);
      rows.push({
        customer,
        frequency: ordered.length - 1,
        recency: (last - first) / unit,
        T: (this.calibrationEnd - first) / unit,
        monetaryValue: repeatValues.length > 0 ? repeatValues.reduce((s, v) => s + v, 0) / repeatValues.length : 0,
      });
    }
    return rows.sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  }
}

/** {@link ClvSummaryAccumulator} over a list of orders. */
export function summariseForClv(orders: Iterable<OrderEvent>, calibrationEnd: DayNumber, timeUnit: TimeUnit = "week"): ClvSummaryRow[] {
  const accumulator = new ClvSummaryAccumulator(calibrationEnd, timeUnit);
  for (const order of orders) accumulator.add(order);
  return accumulator.rows();
}
