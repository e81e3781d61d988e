import { accountTeamMembers, byNameKey, contacts, interactions, orderLines, orders, organizations, products, tasks, users, type Db } from "@openkam/db";
import { and, asc, desc, eq, getTableColumns, gt, isNull, lte, notInArray, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { CLOSED_STATUSES } from "../tasks/tasks.repository";

export interface RevenueRow {
  month: string;
  /** Whether the month is one of the last 12 (the current one included). */
  recent: boolean;
  /** Null for a month without any confirmed order. */
  currency: string | null;
  amount: string;
  orders: number;
}

/**
 * Confirmed, live orders of the account over the last 24 calendar months
 * (in the organization's time zone), summed per month and currency in SQL.
 * Every month appears at least once (currency null when it had no orders).
 * The range condition on order_date uses the (org_id, account_id, order_date)
 * index, so the cost follows the account's orders in the window, not the
 * organization's.
 */
export async function revenueByMonth(db: Db, scope: Scope, accountId: string): Promise<RevenueRow[]> {
  inOrg(scope, orders.orgId);
  const rows = await db.rows<{ month: string; recent: boolean; currency: string | null; amount: string; orders: number | string }>(sql`
    with win as (
      select m.this_month, (m.this_month - interval '23 months')::date as first_month, (m.this_month + interval '1 month')::date as end_month
      from (select date_trunc('month', now() at time zone ${organizations.timezone})::date as this_month
            from ${organizations} where ${organizations.id} = ${scope.orgId}) m
    ), agg as (
      select date_trunc('month', ${orders.orderDate}::timestamp)::date as month, ${orders.currency} as currency,
             sum(${orders.amount}) as amount, count(*) as orders
      from ${orders}, win
      where ${orders.orgId} = ${scope.orgId} and ${orders.accountId} = ${accountId}
        and ${orders.orderDate} >= win.first_month and ${orders.orderDate} < win.end_month
        and ${orders.status} = 'confirmed' and ${orders.deletedAt} is null
      group by 1, 2
    )
    select to_char(s.month, 'YYYY-MM') as month, s.month > (win.this_month - interval '12 months') as recent,
           agg.currency, coalesce(agg.amount, 0)::text as amount, coalesce(agg.orders, 0)::int as orders
    from win
    cross join lateral generate_series(win.first_month::timestamp, win.this_month::timestamp, interval '1 month') as s(month)
    left join agg on agg.month = s.month::date
    order by s.month, agg.currency`);
  return rows.map((r) => ({ ...r, recent: r.recent === true || String(r.recent) === "t", orders: Number(r.orders) }));
}

export interface ProductMixRow {
  from: string;
  to: string;
  /** The product columns are null when the window has no lines at all (the row only carries the window). */
  productId: string | null;
  sku: string | null;
  name: string | null;
  category: string | null;
  revenue: string | null;
  quantity: string | null;
  /** Line revenue of all products in the window, the same on every row. */
  total: string | null;
}

/**
 * The products with the most line revenue on the account's confirmed, live
 * orders in `currency` over the last `months` calendar months (in the
 * organization's time zone, the current month included). Summing, ranking
 * and the grand total happen in SQL, so only `limit` rows travel, however
 * many products the account buys. Always at least one row: the window.
 */
export async function productMix(db: Db, scope: Scope, options: { accountId: string; currency: string; months: number; limit: number }): Promise<ProductMixRow[]> {
  inOrg(scope, orders.orgId);
  const { accountId, currency, months, limit } = options;
  return db.rows<ProductMixRow>(sql`
    with win as (
      select (m.this_month - ${months - 1}::int * interval '1 month')::date as first_day, (m.this_month + interval '1 month')::date as end_day
      from (select date_trunc('month', now() at time zone ${organizations.timezone})::date as this_month
            from ${organizations} where ${organizations.id} = ${scope.orgId}) m
    ), per_product as (
      select ol.product_id, sum(ol.amount) as revenue, sum(ol.quantity) as quantity
      from win, ${orders} o
      join ${orderLines} ol on ol.org_id = o.org_id and ol.order_id = o.id
      where o.org_id = ${scope.orgId} and o.account_id = ${accountId}
        and o.order_date >= win.first_day and o.order_date < win.end_day
        and o.status = 'confirmed' and o.deleted_at is null and o.currency = ${currency}
      group by ol.product_id
    ), top as (
      select product_id, revenue, quantity, sum(revenue) over () as total
      from per_product order by revenue desc, product_id limit ${limit}
    )
    select to_char(win.first_day, 'YYYY-MM-DD') as "from", to_char(win.end_day - 1, 'YYYY-MM-DD') as "to",
           top.product_id as "productId", p.sku, p.name, p.category,
           top.revenue::text as revenue, top.quantity::text as quantity, top.total::text as total
    from win
    left join top on true
    left join ${products} p on p.org_id = ${scope.orgId} and p.id = top.product_id
    order by top.revenue desc nulls last, top.product_id`);
}

const interactionBrief = {
  id: interactions.id, type: interactions.type, occurredAt: interactions.occurredAt, durationMinutes: interactions.durationMinutes,
  subject: interactions.subject, outcome: interactions.outcome, nextStep: interactions.nextStep,
};

/** The latest interaction that has happened, and the soonest planned one. */
export async function lastAndNextInteraction(db: Db, scope: Scope, accountId: string) {
  const ofAccount = and(inOrg(scope, interactions.orgId), eq(interactions.accountId, accountId));
  const [last] = await db.orm.select(interactionBrief).from(interactions)
    .where(and(ofAccount, lte(interactions.occurredAt, sql`now()`)))
    .orderBy(desc(interactions.occurredAt), desc(interactions.id)).limit(1);
  const [next] = await db.orm.select(interactionBrief).from(interactions)
    .where(and(ofAccount, gt(interactions.occurredAt, sql`now()`)))
    .orderBy(asc(interactions.occurredAt), asc(interactions.id)).limit(1);
  return { last, next };
}

/** Open tasks of the account: how many, and the first few by due date (undated last). */
export async function openTasks(db: Db, scope: Scope, accountId: string, limit: number) {
  const rows = await db.orm
    .select({ ...getTableColumns(tasks), total: sql<number>`count(*) over ()` })
    .from(tasks)
    .where(and(inOrg(scope, tasks.orgId), eq(tasks.accountId, accountId), notInArray(tasks.status, CLOSED_STATUSES)))
    .orderBy(sql`${tasks.dueDate} asc nulls last`, asc(tasks.position), asc(tasks.id))
    .limit(limit);
  return { count: Number(rows[0]?.total ?? 0), items: rows };
}

/** The most influential live contacts, then by name. */
export async function topContacts(db: Db, scope: Scope, accountId: string, limit: number) {
  return db.orm
    .select({
      id: contacts.id, name: contacts.name, title: contacts.title, email: contacts.email,
      buyingRole: contacts.buyingRole, influence: contacts.influence, attitude: contacts.attitude,
    })
    .from(contacts)
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.accountId, accountId), isNull(contacts.deletedAt)))
    .orderBy(sql`${contacts.influence} desc nulls last`, asc(byNameKey(contacts.nameKey)), asc(contacts.id))
    .limit(limit);
}

export async function teamOf(db: Db, scope: Scope, accountId: string) {
  return db.orm
    .select({ userId: accountTeamMembers.userId, name: users.name, email: users.email, teamRole: accountTeamMembers.teamRole, allocationPct: accountTeamMembers.allocationPct })
    .from(accountTeamMembers)
    .innerJoin(users, eq(users.id, accountTeamMembers.userId))
    .where(and(inOrg(scope, accountTeamMembers.orgId), eq(accountTeamMembers.accountId, accountId)))
    .orderBy(sql`case ${accountTeamMembers.teamRole} when 'kam_lead' then 0 when 'executive_sponsor' then 1 else 2 end`, asc(byNameKey(users.nameKey)), asc(users.id));
}
