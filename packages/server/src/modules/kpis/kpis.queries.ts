import {
  accountPlans, accounts, analysisRuns, caseEvents, cases, feedbackItems, kamProgrammeAccounts, orders, surveyResponses,
} from "@openkam/db";
import type { KpiKey, KpiPeriod } from "@openkam/domain";
import { sql, type SQL } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import { resultRows } from "../analytics/result-blocks";

/**
 * The SQL behind every KPI, one builder per statement, kept readable on purpose: the KPI library
 * shows it on each definition page, and `kpis.sql.test.ts` snapshots it in `__sql__/`. Each
 * statement reads the subject's accounts (the `subject` CTE) in one set-based pass; the domain
 * functions in `packages/domain/src/kpis/` turn the rows into the figures.
 */

export type KpiSubjectFilter =
  | { kind: "account"; accountId: string }
  | { kind: "manager"; userId: string }
  | { kind: "programme"; cohort: "programme" | "key_accounts" };

/** The live accounts of the subject that the caller may see. */
export function subjectAccounts(scope: Scope, subject: KpiSubjectFilter): SQL {
  const which = subject.kind === "account" ? sql`${accounts.id} = ${subject.accountId}`
    : subject.kind === "manager" ? sql`${accounts.ownerUserId} = ${subject.userId}`
    : subject.cohort === "programme"
      ? sql`exists (select 1 from ${kamProgrammeAccounts} where ${kamProgrammeAccounts.orgId} = ${accounts.orgId} and ${kamProgrammeAccounts.accountId} = ${accounts.id})`
      : sql`${accounts.tier} in ('strategic', 'key')`;
  return sql`select ${accounts.id} as id, ${accounts.createdAt} as created_at, ${accounts.customFields} as custom_fields
    from ${accounts}
    where ${inOrg(scope, accounts.orgId)} and ${accounts.deletedAt} is null and ${visibleAccount(scope)} and ${which}`;
}

export interface RevenueWindows {
  current: KpiPeriod;
  previous: KpiPeriod;
  yearBefore: KpiPeriod;
  trailing: KpiPeriod;
  trailingPrior: KpiPeriod;
}

const within = (column: SQL | typeof orders.orderDate, p: KpiPeriod) => sql`${column} between cast(${p.from} as date) and cast(${p.to} as date)`;

/**
 * revenue, revenue_growth_yoy, revenue_growth_qoq, logo/gross/net retention, share_of_wallet: per
 * account, confirmed live orders in the organization's currency summed over five windows in one
 * pass, the account's creation date and its estimated total spend, and how many orders in another
 * currency were left out.
 */
export function revenueQuery(scope: Scope, subject: KpiSubjectFilter, input: { currency: string; timeZone: string; windows: RevenueWindows }): SQL {
  const w = input.windows;
  const earliest = [w.current.from, w.previous.from, w.yearBefore.from, w.trailing.from, w.trailingPrior.from].sort()[0]!;
  const latest = [w.current.to, w.trailing.to].sort().at(-1)!;
  const counted = sql`${orders.currency} = ${input.currency}`;
  const sum = (p: KpiPeriod) => sql`coalesce(sum(${orders.amount}) filter (where ${counted} and ${within(orders.orderDate, p)}), 0)::text`;
  return sql`with subject as (${subjectAccounts(scope, subject)}),
revenue as (
  select ${orders.accountId} as account_id,
    ${sum(w.current)} as current,
    ${sum(w.previous)} as previous,
    ${sum(w.yearBefore)} as year_before,
    ${sum(w.trailing)} as trailing,
    ${sum(w.trailingPrior)} as trailing_prior,
    count(*) filter (where not ${counted})::int as other_currency
  from ${orders} join subject on subject.id = ${orders.accountId}
  where ${inOrg(scope, orders.orgId)} and ${orders.status} = 'confirmed' and ${orders.deletedAt} is null
    and ${orders.orderDate} between cast(${earliest} as date) and cast(${latest} as date)
  group by ${orders.accountId}
)
select subject.id as "accountId",
  to_char(subject.created_at at time zone ${input.timeZone}, 'YYYY-MM-DD') as "createdOn",
  subject.custom_fields -> 'estimatedTotalSpend' as "estimatedTotalSpend",
  coalesce(revenue.current, '0') as "current", coalesce(revenue.previous, '0') as "previous", coalesce(revenue.year_before, '0') as "yearBefore",
  coalesce(revenue.trailing, '0') as "trailing", coalesce(revenue.trailing_prior, '0') as "trailingPrior", coalesce(revenue.other_currency, 0) as "otherCurrency"
from subject left join revenue on revenue.account_id = subject.id`;
}

/**
 * The same revenue per account and calendar month, over a range of whole months: what a scorecard's
 * four quarters (and the year-long windows behind each) are summed from in one pass over the orders.
 */
export function revenueByMonthQuery(scope: Scope, subject: KpiSubjectFilter, input: { currency: string; timeZone: string; range: KpiPeriod }): SQL {
  const counted = sql`${orders.currency} = ${input.currency}`;
  const month = sql`to_char(${orders.orderDate}, 'YYYY-MM')`;
  return sql`with subject as (${subjectAccounts(scope, subject)}),
monthly as (
  select ${orders.accountId} as account_id, ${month} as month,
    coalesce(sum(${orders.amount}) filter (where ${counted}), 0)::text as amount,
    count(*) filter (where not ${counted})::int as other_currency
  from ${orders} join subject on subject.id = ${orders.accountId}
  where ${inOrg(scope, orders.orgId)} and ${orders.status} = 'confirmed' and ${orders.deletedAt} is null and ${within(orders.orderDate, input.range)}
  group by ${orders.accountId}, ${month}
)
select subject.id as "accountId",
  to_char(subject.created_at at time zone ${input.timeZone}, 'YYYY-MM-DD') as "createdOn",
  subject.custom_fields -> 'estimatedTotalSpend' as "estimatedTotalSpend",
  monthly.month as "month", coalesce(monthly.amount, '0') as "amount", coalesce(monthly.other_currency, 0) as "otherCurrency"
from subject left join monthly on monthly.account_id = subject.id`;
}

/** clv: each subject account's CLV in the latest successful organization-wide CLV run in the currency, made on or before the period's end. */
export function clvQuery(scope: Scope, subject: KpiSubjectFilter, input: { currency: string; asOf: string }): SQL {
  return sql`with subject as (${subjectAccounts(scope, subject)}),
latest_run as (
  select ${analysisRuns.id} as id from ${analysisRuns}
  where ${inOrg(scope, analysisRuns.orgId)} and ${analysisRuns.kind} = 'clv' and ${analysisRuns.status} = 'succeeded'
    and ${analysisRuns.scope} = 'organization' and ${analysisRuns.currency} = ${input.currency} and ${analysisRuns.asOf} <= cast(${input.asOf} as date)
  order by ${analysisRuns.asOf} desc, ${analysisRuns.finishedAt} desc nulls last
  limit 1
)
select r.account_id as "accountId", (r.values ->> 'clv')::float8 as "clv"
from ${resultRows(scope, sql`(select id from latest_run)`, { values: true })} r
join subject on subject.id = r.account_id
where json_typeof(r.values -> 'clv') = 'number'`;
}

/**
 * nps, csat: how many answers of each score were submitted in the period (in the organization's
 * calendar), per kind of score.
 */
export function surveyScoresQuery(scope: Scope, subject: KpiSubjectFilter, input: { timeZone: string; period: KpiPeriod }): SQL {
  const r = surveyResponses;
  const inPeriod = within(sql`(${r.submittedAt} at time zone ${input.timeZone})::date`, input.period);
  return sql`with subject as (${subjectAccounts(scope, subject)})
select 'nps' as "kind", ${r.npsScore}::int as "score", count(*)::int as "answers"
from ${r} join subject on subject.id = ${r.accountId}
where ${inOrg(scope, r.orgId)} and ${r.npsScore} is not null and ${inPeriod}
group by ${r.npsScore}
union all
select 'csat', ${r.csatScore}::int, count(*)::int
from ${r} join subject on subject.id = ${r.accountId}
where ${inOrg(scope, r.orgId)} and ${r.csatScore} is not null and ${inPeriod}
group by ${r.csatScore}`;
}

/** sla_attainment, first_response_hours, resolution_hours: the cases opened in the period, the clocks' inputs. */
export function casesQuery(scope: Scope, subject: KpiSubjectFilter, input: { timeZone: string; period: KpiPeriod }): SQL {
  return sql`with subject as (${subjectAccounts(scope, subject)})
select ${cases.id} as "id", ${cases.tier} as "tier", ${cases.priority} as "priority", ${cases.openedAt} as "openedAt"
from ${cases} join subject on subject.id = ${cases.accountId}
where ${inOrg(scope, cases.orgId)} and ${within(sql`(${cases.openedAt} at time zone ${input.timeZone})::date`, input.period)}`;
}

/** The history of those cases, oldest first: the SLA clocks are replayed from it. */
export function caseEventsQuery(scope: Scope, subject: KpiSubjectFilter, input: { timeZone: string; period: KpiPeriod }): SQL {
  return sql`with subject as (${subjectAccounts(scope, subject)})
select ${caseEvents.caseId} as "caseId", ${caseEvents.type} as "type", ${caseEvents.at} as "at", ${caseEvents.status} as "status"
from ${caseEvents}
join ${cases} on ${cases.orgId} = ${caseEvents.orgId} and ${cases.id} = ${caseEvents.caseId}
join subject on subject.id = ${cases.accountId}
where ${inOrg(scope, caseEvents.orgId)} and ${within(sql`(${cases.openedAt} at time zone ${input.timeZone})::date`, input.period)}
order by ${caseEvents.caseId}, ${caseEvents.at}, ${caseEvents.id}`;
}

/** plan_action_completion: the actions of the subject's account plans due in the period, counted by status. */
export function planActionsQuery(scope: Scope, subject: KpiSubjectFilter, input: { period: KpiPeriod }): SQL {
  return sql`with subject as (${subjectAccounts(scope, subject)})
select action ->> 'status' as "status", count(*)::int as "actions"
from ${accountPlans}
join subject on subject.id = ${accountPlans.accountId}
cross join lateral jsonb_array_elements(case when jsonb_typeof(${accountPlans.content} -> 'actions') = 'array' then ${accountPlans.content} -> 'actions' else '[]'::jsonb end) as action
where ${inOrg(scope, accountPlans.orgId)}
  and action ->> 'dueDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'
  and action ->> 'dueDate' between ${input.period.from} and ${input.period.to}
group by action ->> 'status'`;
}

/** feedback_closure_days: the feedback items closed in the period. */
export function feedbackClosedQuery(scope: Scope, subject: KpiSubjectFilter, input: { timeZone: string; period: KpiPeriod }): SQL {
  return sql`with subject as (${subjectAccounts(scope, subject)})
select ${feedbackItems.createdAt} as "createdAt", ${feedbackItems.closedAt} as "closedAt"
from ${feedbackItems} join subject on subject.id = ${feedbackItems.accountId}
where ${inOrg(scope, feedbackItems.orgId)} and ${feedbackItems.closedAt} is not null
  and ${within(sql`(${feedbackItems.closedAt} at time zone ${input.timeZone})::date`, input.period)}`;
}

/**
 * Which statement each KPI reads, for its definition page. Cadence compliance is assessed by the
 * cadence module's own statement (`listCadenceAccounts` in `cadence.repository.ts`).
 */
export const QUERY_OF_KPI: Record<KpiKey, { name: string; file: string }> = {
  revenue: { name: "revenue", file: "packages/server/src/modules/kpis/__sql__/revenue.sql" },
  revenue_growth_yoy: { name: "revenue", file: "packages/server/src/modules/kpis/__sql__/revenue.sql" },
  revenue_growth_qoq: { name: "revenue", file: "packages/server/src/modules/kpis/__sql__/revenue.sql" },
  logo_retention: { name: "revenue", file: "packages/server/src/modules/kpis/__sql__/revenue.sql" },
  gross_revenue_retention: { name: "revenue", file: "packages/server/src/modules/kpis/__sql__/revenue.sql" },
  net_revenue_retention: { name: "revenue", file: "packages/server/src/modules/kpis/__sql__/revenue.sql" },
  share_of_wallet: { name: "revenue", file: "packages/server/src/modules/kpis/__sql__/revenue.sql" },
  clv: { name: "clv", file: "packages/server/src/modules/kpis/__sql__/clv.sql" },
  nps: { name: "survey-scores", file: "packages/server/src/modules/kpis/__sql__/survey-scores.sql" },
  csat: { name: "survey-scores", file: "packages/server/src/modules/kpis/__sql__/survey-scores.sql" },
  sla_attainment: { name: "cases", file: "packages/server/src/modules/kpis/__sql__/cases.sql" },
  first_response_hours: { name: "cases", file: "packages/server/src/modules/kpis/__sql__/cases.sql" },
  resolution_hours: { name: "cases", file: "packages/server/src/modules/kpis/__sql__/cases.sql" },
  cadence_compliance: { name: "cadence", file: "packages/server/src/modules/cadence/__sql__/list-cadence-accounts.director.sql" },
  plan_action_completion: { name: "plan-actions", file: "packages/server/src/modules/kpis/__sql__/plan-actions.sql" },
  feedback_closure_days: { name: "feedback-closed", file: "packages/server/src/modules/kpis/__sql__/feedback-closed.sql" },
};
