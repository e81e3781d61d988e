import { accountPlans, accounts, feedbackItems, orders, organizations, users, type Db } from "@openkam/db";
import { ACCOUNT_TIERS, type AccountTier } from "@openkam/domain";
import { FEEDBACK_DEADLINE_DAYS, OPEN_FEEDBACK_STATUSES } from "@openkam/domain/feedback/index";
import type { Quarter } from "@openkam/domain/reports/index";
import { and, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import { inQuarter, type QuarterRange } from "./reports.repository";

const SURVEY_RESPONSES = sql.identifier("survey_responses");

export async function organizationSettings(db: Db, scope: Scope): Promise<{ currency: string; timeZone: string }> {
  const [row] = await db.orm.select({ currency: organizations.defaultCurrency, timeZone: organizations.timezone }).from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  if (!row) throw new Error("the scope's organization does not exist");
  return row;
}

export interface DashboardFilter {
  tiers?: readonly AccountTier[];
}

/** The accounts of the dashboard: live, visible to the scope, in the tiers asked for. */
function accountConditions(scope: Scope, filter: DashboardFilter): SQL {
  return and(inOrg(scope, accounts.orgId), isNull(accounts.deletedAt), visibleAccount(scope), filter.tiers ? inArray(accounts.tier, [...filter.tiers]) : undefined)!;
}

export interface DashboardAccountRow {
  id: string;
  name: string;
  tier: AccountTier;
  industry: string | null;
  status: string;
  ownerName: string | null;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  csatSum: number;
  csatCount: number;
  /** CSAT answers of 4 or 5. */
  csatSatisfied: number;
  openFeedback: number;
  overdueFeedback: number;
  actionsDone: number;
  actionsLive: number;
}

/** The days an open feedback item may stay in its state, by severity, as a table the query joins. */
const FEEDBACK_DEADLINES = sql.join(
  Object.entries(FEEDBACK_DEADLINE_DAYS).flatMap(([severity, days]) =>
    OPEN_FEEDBACK_STATUSES.map((status) => sql`(${severity}::text, ${status}::text, ${days[status]}::int)`)),
  sql`, `,
);

/**
 * Every visible account with its figures for the quarter, in one statement: survey answers, open
 * and overdue feedback, and the plan actions due in the quarter (as the KPI `plan_action_completion` counts them). Each source
 * is aggregated once per account in its own subquery and joined — never a query per account.
 */
export async function listDashboardAccounts(db: Db, scope: Scope, options: { range: QuarterRange; now: Date; filter: DashboardFilter }): Promise<DashboardAccountRow[]> {
  const { range, now, filter } = options;
  const q = range.quarter;
  return db.rows<DashboardAccountRow>(sql`
    with surveys as (
      select account_id,
        count(*) filter (where nps_score >= 9) as promoters, count(*) filter (where nps_score between 7 and 8) as passives,
        count(*) filter (where nps_score <= 6) as detractors, count(*) as responses,
        coalesce(sum(csat_score), 0) as csat_sum, count(csat_score) as csat_count, count(*) filter (where csat_score >= 4) as csat_satisfied
      from ${SURVEY_RESPONSES}
      where org_id = ${scope.orgId} and ${inQuarter(sql`submitted_at`, range)}
      group by account_id
    ), deadlines(severity, status, days) as (values ${FEEDBACK_DEADLINES}
    ), feedback as (
      select ${feedbackItems.accountId} as account_id, count(*) as open,
        count(*) filter (where ${feedbackItems.statusChangedAt} + deadlines.days * interval '1 day' < ${now.toISOString()}::timestamptz) as overdue
      from ${feedbackItems}
      join deadlines on deadlines.severity = ${feedbackItems.severity} and deadlines.status = ${feedbackItems.status}
      where ${inOrg(scope, feedbackItems.orgId)} and ${feedbackItems.status} <> 'closed'
      group by ${feedbackItems.accountId}
    ), actions as (
      select ${accountPlans.accountId} as account_id,
        count(*) filter (where action->>'status' = 'done') as done, count(*) filter (where action->>'status' <> 'cancelled') as live
      from ${accountPlans}
      cross join lateral jsonb_array_elements(case when jsonb_typeof(${accountPlans.content}->'actions') = 'array' then ${accountPlans.content}->'actions' else '[]'::jsonb end) as action
      where ${inOrg(scope, accountPlans.orgId)} and action->>'dueDate' ~ '^\\d{4}-\\d{2}-\\d{2}$' and action->>'dueDate' between ${q.from} and ${q.to}
      group by ${accountPlans.accountId}
    )
    select ${accounts.id} as id, ${accounts.name} as name, ${accounts.tier} as tier, ${accounts.industry} as industry, ${accounts.status} as status,
      ${users.name} as "ownerName",
      coalesce(surveys.promoters, 0)::int as promoters, coalesce(surveys.passives, 0)::int as passives, coalesce(surveys.detractors, 0)::int as detractors,
      coalesce(surveys.responses, 0)::int as responses, coalesce(surveys.csat_sum, 0)::int as "csatSum", coalesce(surveys.csat_count, 0)::int as "csatCount",
      coalesce(surveys.csat_satisfied, 0)::int as "csatSatisfied",
      coalesce(feedback.open, 0)::int as "openFeedback", coalesce(feedback.overdue, 0)::int as "overdueFeedback",
      coalesce(actions.done, 0)::int as "actionsDone", coalesce(actions.live, 0)::int as "actionsLive"
    from ${accounts}
    left join ${users} on ${users.id} = ${accounts.ownerUserId}
    left join surveys on surveys.account_id = ${accounts.id}
    left join feedback on feedback.account_id = ${accounts.id}
    left join actions on actions.account_id = ${accounts.id}
    where ${accountConditions(scope, filter)}
    order by ${sql.raw(`case ${ACCOUNT_TIERS.map((t, i) => `when "accounts"."tier" = '${t}' then ${i}`).join(" ")} end`)}, ${accounts.id}`);
}

export async function feedbackByStatus(db: Db, scope: Scope, filter: DashboardFilter): Promise<Array<{ status: string; count: number }>> {
  return db.rows(sql`
    select ${feedbackItems.status} as status, count(*)::int as count
    from ${feedbackItems}
    join ${accounts} on ${accounts.orgId} = ${feedbackItems.orgId} and ${accounts.id} = ${feedbackItems.accountId}
    where ${inOrg(scope, feedbackItems.orgId)} and ${accountConditions(scope, filter)}
    group by ${feedbackItems.status}`);
}

/** A quarter as one number, year × 4 + quarter − 1, so that buckets compare and subtract. */
export const quarterIndex = (q: Quarter) => q.year * 4 + q.number - 1;
const quarterIndexOf = (day: SQL) => sql`(extract(year from ${day})::int * 4 + extract(quarter from ${day})::int - 1)`;

/**
 * Confirmed revenue in the organization's currency per visible account: in the quarter and in the
 * same quarter a year before. Each quarter is one range of the orders' revenue index
 * (`orders_org_confirmed_revenue_idx`), read without touching the table; the two are summed per account.
 */
export async function listAccountRevenue(db: Db, scope: Scope, options: { quarter: Quarter; yearBefore: Quarter; currency: string; filter: DashboardFilter }): Promise<Array<{ accountId: string; current: string; previous: string }>> {
  const { quarter: q, yearBefore: p, currency, filter } = options;
  const inRange = (range: Quarter) => sql`${inOrg(scope, orders.orgId)} and ${orders.status} = 'confirmed' and ${orders.deletedAt} is null
    and ${orders.orderDate} >= ${range.from} and ${orders.orderDate} <= ${range.to} and ${orders.currency} = ${currency}`;
  return db.rows(sql`
    with revenue as (
      select ${orders.accountId} as account_id, ${orders.amount} as current, 0::numeric as previous from ${orders} where ${inRange(q)}
      union all
      select ${orders.accountId}, 0::numeric, ${orders.amount} from ${orders} where ${inRange(p)}
    )
    select revenue.account_id as "accountId", sum(revenue.current)::text as current, sum(revenue.previous)::text as previous
    from revenue join ${accounts} on ${accounts.orgId} = ${scope.orgId} and ${accounts.id} = revenue.account_id
    where ${accountConditions(scope, filter)}
    group by revenue.account_id`);
}

export interface SurveyTrendRow {
  quarter: number;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  csatSum: number;
  csatCount: number;
  csatSatisfied: number;
}

/** Survey answers per quarter (in the organization's calendar) over the visible accounts, from `first.from` to `last.to`. */
export async function listSurveyTrend(db: Db, scope: Scope, options: { first: Quarter; last: Quarter; timeZone: string; filter: DashboardFilter }): Promise<SurveyTrendRow[]> {
  const { first, last, timeZone, filter } = options;
  const visible = sql`select ${accounts.id} from ${accounts} where ${accountConditions(scope, filter)}`;
  return db.rows<SurveyTrendRow>(sql`
    select ${quarterIndexOf(sql`(submitted_at at time zone ${timeZone})`)} as quarter,
      count(*) filter (where nps_score >= 9)::int as promoters, count(*) filter (where nps_score between 7 and 8)::int as passives,
      count(*) filter (where nps_score <= 6)::int as detractors, count(*)::int as responses,
      coalesce(sum(csat_score), 0)::int as "csatSum", count(csat_score)::int as "csatCount", count(*) filter (where csat_score >= 4)::int as "csatSatisfied"
    from ${SURVEY_RESPONSES}
    where org_id = ${scope.orgId} and submitted_at >= (${first.from}::date::timestamp at time zone ${timeZone})
      and submitted_at < ((${last.to}::date + 1)::timestamp at time zone ${timeZone}) and account_id in (${visible})
    group by 1`);
}
