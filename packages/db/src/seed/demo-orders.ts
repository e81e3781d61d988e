import { dayAt, formatDay, monthOf, monthStart, nextMonthStart, weekday } from "./calendar";
import { CATEGORY_AFFINITY, maxQuantity, quantityStep4 } from "./catalog";
import { isAvailable, type CatalogProduct } from "./demo-products";
import type { AccountPlan, DemoContext, DemoOrder, OrderLineRow, OrderSchedule } from "./demo-types";
import { CNY_PER_UNIT, formatCents, formatScale4, lineAmountCents, roundToCents4 } from "./money";
import type { Random } from "./random";

/** Orders at scale 1, over the three years before the as-of date. */
export const BASE_ORDERS = 60_000;
/** Average order value in CNY cents. */
const AVERAGE_ORDER_CENTS = 3_500_000;
/** Month factors: the Spring Festival dip in February, the year-end push in December. */
const SEASON = [0.95, 0.7, 1.05, 1, 1, 1.05, 0.95, 0.95, 1.05, 1, 1.1, 1.2];
/** List prices rose about 3% a year. */
const YEARLY_PRICE_RISE = 0.03;

const DISCOUNT_BP = { strategic: [1200, 1800], key: [800, 1200], growth: [300, 800], standard: [0, 500] } as const;

interface Month {
  readonly first: number;
  readonly last: number;
  readonly intensity: number;
}

function monthsOf(rng: Random, ctx: DemoContext, plan: AccountPlan): Month[] {
  const months: Month[] = [];
  const from = Math.max(plan.startDay, ctx.windowStart);
  const to = Math.min(plan.endDay, ctx.asOfDay) - 1;
  for (let start = monthStart(ctx.windowStart); start <= to; start = nextMonthStart(start)) {
    const end = nextMonthStart(start) - 1;
    const first = Math.max(start, from);
    const last = Math.min(end, to);
    if (first > last) continue;
    const middle = (first + last) / 2;
    const years = (middle - ctx.windowStart) / 365;
    // New customers ramp up over their first months.
    const ramp = plan.trend === "new" ? Math.min(1, 0.3 + (middle - plan.startDay) / 180) : 1;
    const share = (last - first + 1) / (end - start + 1);
    const season = SEASON[monthOf(start)]!;
    months.push({ first, last, intensity: Math.sqrt(plan.weight) * Math.exp(plan.growth * years) * season * share * ramp * rng.lognormal(1, 0.2) });
  }
  return months;
}

function preferredProducts(rng: Random, plan: AccountPlan, products: readonly CatalogProduct[], medianValueCents: number) {
  const affinity = CATEGORY_AFFINITY[plan.industry];
  const affordable = products.filter((p) => p.listPrice4 / 100 <= Math.max(medianValueCents * 1.5, 50_000));
  const count = Math.max(4, Math.min(28, Math.round(10 + 4 * Math.log(plan.weight) + rng.int(-2, 2))));
  const chosen: CatalogProduct[] = [];
  let pool = affordable;
  while (chosen.length < count && pool.length > 0) {
    const pick = rng.weighted(pool.map((p) => ({ value: p, weight: affinity[p.entry.category] })));
    chosen.push(pick);
    pool = pool.filter((p) => p !== pick);
  }
  return chosen.map((p, rank) => ({ value: p.index, weight: 1 / (rank + 1) ** 0.8 }));
}

/**
 * Decides how many orders each account places in each month: intensity grows
 * with the square root of the account's size (bigger customers order more
 * often, and bigger orders), follows its trend and the season, and is scaled
 * so the whole history holds about BASE_ORDERS × scale orders.
 */
export function scheduleOrders(ctx: DemoContext, plans: readonly AccountPlan[], products: readonly CatalogProduct[]): OrderSchedule[] {
  const drafts = plans.map((plan) => ({ plan, rng: ctx.random.fork(`order-plan/${plan.index}`) }))
    .map(({ plan, rng }) => ({ plan, rng, months: plan.trend === "prospect" ? [] : monthsOf(rng, ctx, plan) }));
  const total = drafts.reduce((sum, d) => sum + d.months.reduce((s, m) => s + m.intensity, 0), 0);
  const k = total > 0 ? (BASE_ORDERS * ctx.scale) / total : 0;
  const counted = drafts.map((d) => ({
    ...d,
    months: d.months.map((m): [number, number, number] => {
      const expected = m.intensity * k;
      return [m.first, m.last, Math.floor(expected) + (d.rng.chance(expected - Math.floor(expected)) ? 1 : 0)];
    }),
  }));
  const orders = counted.reduce((sum, d) => sum + d.months.reduce((s, m) => s + m[2], 0), 0);
  const weighted = counted.reduce((sum, d) => sum + Math.sqrt(d.plan.weight) * d.months.reduce((s, m) => s + m[2], 0), 0);
  const scaleValue = weighted > 0 ? (AVERAGE_ORDER_CENTS * orders) / weighted : AVERAGE_ORDER_CENTS;
  return counted.map(({ plan, rng, months }): OrderSchedule => {
    const medianValueCents = Math.round(scaleValue * Math.sqrt(plan.weight));
    const [low, high] = DISCOUNT_BP[plan.row.tier];
    return { account: plan, medianValueCents, discountBp: rng.int(low, high), months, products: preferredProducts(rng, plan, products, medianValueCents) };
  });
}

function orderDays(rng: Random, first: number, last: number, count: number): number[] {
  const days: number[] = [];
  for (let i = 0; i < count; i++) {
    let day = rng.int(first, last);
    // B2B orders arrive on working days; a weekend order moves to the nearest weekday inside the month.
    const wd = weekday(day);
    if (wd === 6 && day - 1 >= first) day -= 1;
    else if (wd === 0 && day + 1 <= last) day += 1;
    days.push(day);
  }
  return days.sort((a, b) => a - b);
}

function pickProduct(rng: Random, schedule: OrderSchedule, products: readonly CatalogProduct[], day: number, used: Set<number>): CatalogProduct | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const product = products[rng.weighted(schedule.products)]!;
    if (!used.has(product.index) && isAvailable(product, day)) return product;
  }
  return products.find((p) => !used.has(p.index) && isAvailable(p, day) && schedule.products.some((s) => s.value === p.index))
    ?? (used.size === 0 ? products.find((p) => isAvailable(p, day)) ?? null : null);
}

/** Every order with its lines, account by account; each account draws from its own stream. */
export function* generateOrders(ctx: DemoContext, schedules: readonly OrderSchedule[], products: readonly CatalogProduct[]): Generator<DemoOrder> {
  let seq = 0;
  for (const schedule of schedules) {
    const plan = schedule.account;
    const rng = ctx.random.fork(`orders/${plan.index}`);
    const fx = CNY_PER_UNIT[plan.row.currency] ?? 1;
    for (const [first, last, count] of schedule.months) {
      for (const day of orderDays(rng, first, last, count)) {
        const orderId = rng.uuid();
        const valueCents = schedule.medianValueCents * rng.lognormal(1, 0.45);
        const lineCount = Math.min(6, 1 + Math.floor(Math.max(0, Math.log10(valueCents / 500_000))) + rng.int(0, 2));
        const shares = Array.from({ length: lineCount }, () => rng.float(0.3, 1));
        const shareSum = shares.reduce((a, b) => a + b, 0);
        const priceFactor = (1 - (YEARLY_PRICE_RISE * (ctx.asOfDay - day)) / 365) * (1 - schedule.discountBp / 10_000);
        const used = new Set<number>();
        const lines: OrderLineRow[] = [];
        let totalCents = 0;
        for (const share of shares) {
          const product = pickProduct(rng, schedule, products, day, used);
          if (!product) continue;
          used.add(product.index);
          const unitCny4 = product.listPrice4 * priceFactor;
          const unitPrice4 = Math.max(100, roundToCents4(unitCny4 / fx));
          const step4 = quantityStep4(product.entry.unit);
          const units = (valueCents * (share / shareSum)) / (unitCny4 / 100);
          const quantity4 = Math.min(maxQuantity(product.entry.unit) * 10_000, Math.max(step4, Math.round((units * 10_000) / step4) * step4));
          const amountCents = lineAmountCents(quantity4, unitPrice4);
          totalCents += amountCents;
          lines.push({
            orgId: ctx.orgId, orderId, lineNo: lines.length + 1, productId: product.row.id,
            quantity: formatScale4(quantity4), unitPrice: formatScale4(unitPrice4), amount: formatCents(amountCents),
          });
        }
        const cancelled = rng.chance(0.015);
        const createdAt = dayAt(day, rng.int(30, 600));
        const updatedDay = Math.min(ctx.asOfDay - 1, day + rng.int(1, 10));
        seq++;
        yield {
          order: {
            orgId: ctx.orgId, id: orderId, accountId: plan.row.id, orderDate: formatDay(day), currency: plan.row.currency,
            amount: formatCents(totalCents), status: cancelled ? "cancelled" : "confirmed",
            notes: rng.chance(0.08) ? `PO ${rng.int(4_500_000_000, 4_599_999_999)}` : null,
            externalId: `SO${String(10_000_000 + seq)}`, createdBy: null, createdAt,
            updatedAt: cancelled && updatedDay > day ? dayAt(updatedDay, rng.int(30, 600)) : createdAt, version: cancelled ? 2 : 1, deletedAt: null,
          },
          lines,
        };
      }
    }
  }
}

export const plannedOrderCount = (schedules: readonly OrderSchedule[]): number =>
  schedules.reduce((sum, s) => sum + s.months.reduce((n, m) => n + m[2], 0), 0);
