import type { TAccount, TAccountSummary, TActivityEntry, TProductMix, TRevenueMonth } from "@openkam/contracts";
import Decimal from "decimal.js";
import type { auditLog } from "@openkam/db";
import { money, plainDecimal } from "../orders/orders.amounts";
import { presentTask } from "../tasks/tasks.presenter";
import type { TaskRow } from "../tasks/tasks.repository";
import type * as repo from "./summary.repository";

type Brief = NonNullable<Awaited<ReturnType<typeof repo.lastAndNextInteraction>>["last"]>;

export interface RevenueFigures {
  revenueByMonth: TRevenueMonth[];
  revenueLast12Months: string;
  revenuePrevious12Months: string;
  growthPct: number | null;
  otherCurrencies: TAccountSummary["otherCurrencies"];
}

/**
 * Turns per-month, per-currency sums into the account's figures. Only the
 * account's own currency is added up; other currencies are listed apart
 * (never converted or mixed in). Growth is (last − previous) / previous in
 * percent, rounded half-up to 1 decimal, and null when previous is 0.
 */
export function revenueFigures(rows: readonly repo.RevenueRow[], currency: string): RevenueFigures {
  const months = new Map<string, { amount: Decimal; orders: number; recent: boolean }>();
  const others = new Map<string, { amount: Decimal; orders: number }>();
  for (const row of rows) {
    const month = months.get(row.month) ?? { amount: new Decimal(0), orders: 0, recent: row.recent };
    months.set(row.month, month);
    if (row.currency === currency) {
      month.amount = month.amount.plus(row.amount);
      month.orders += row.orders;
    } else if (row.currency !== null && row.recent) {
      const other = others.get(row.currency) ?? { amount: new Decimal(0), orders: 0 };
      others.set(row.currency, { amount: other.amount.plus(row.amount), orders: other.orders + row.orders });
    }
  }
  let last = new Decimal(0);
  let previous = new Decimal(0);
  for (const m of months.values()) {
    if (m.recent) last = last.plus(m.amount);
    else previous = previous.plus(m.amount);
  }
  return {
    revenueByMonth: [...months].map(([month, m]) => ({ month, amount: m.amount.toFixed(2), orders: m.orders })),
    revenueLast12Months: last.toFixed(2),
    revenuePrevious12Months: previous.toFixed(2),
    growthPct: previous.isZero() ? null : last.minus(previous).div(previous).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber(),
    otherCurrencies: [...others]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, o]) => ({ currency: c, amount: money(o.amount.toFixed(2)), orders: o.orders })),
  };
}

function presentBrief(row: Brief | undefined) {
  return row ? { ...row, occurredAt: row.occurredAt.toISOString() } : null;
}

export function presentSummary(parts: {
  account: TAccount;
  revenue: readonly repo.RevenueRow[];
  interactions: Awaited<ReturnType<typeof repo.lastAndNextInteraction>>;
  openTasks: { count: number; items: TaskRow[] };
  topContacts: Awaited<ReturnType<typeof repo.topContacts>>;
  team: Awaited<ReturnType<typeof repo.teamOf>>;
}): TAccountSummary {
  return {
    account: parts.account,
    currency: parts.account.currency,
    ...revenueFigures(parts.revenue, parts.account.currency),
    lastInteraction: presentBrief(parts.interactions.last),
    nextInteraction: presentBrief(parts.interactions.next),
    openTasks: { count: parts.openTasks.count, items: parts.openTasks.items.map(presentTask) },
    topContacts: parts.topContacts,
    team: parts.team,
  };
}

export function presentActivity(row: typeof auditLog.$inferSelect & { actorName: string | null }): TActivityEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  };
}

/**
 * The top products and the rest. Shares are of the window's whole line
 * revenue (top and rest together), rounded to 4 decimals for the chart; the
 * amounts stay exact.
 */
export function presentProductMix(rows: readonly repo.ProductMixRow[], currency: string): TProductMix {
  const window = rows[0];
  const total = new Decimal(window?.total ?? 0);
  let top = new Decimal(0);
  const items: TProductMix["items"] = [];
  for (const row of rows) {
    if (row.productId === null || row.revenue === null) continue;
    top = top.plus(row.revenue);
    items.push({
      productId: row.productId,
      sku: row.sku ?? "",
      name: row.name ?? "",
      category: row.category,
      revenue: money(row.revenue),
      quantity: plainDecimal(row.quantity ?? "0"),
      share: total.isZero() ? 0 : new Decimal(row.revenue).div(total).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber(),
    });
  }
  return { currency, from: window?.from ?? "", to: window?.to ?? "", items, otherRevenue: money(total.minus(top).toFixed(2)) };
}
