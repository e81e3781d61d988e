import { accounts, analysisRuns, contacts, surveyInvitations, surveyResponses, surveys, surveyVersions, type Db } from "@openkam/db";
import type { AccountTier, SurveyDefinition, SurveyLanguage } from "@openkam/domain";
import { and, eq, ilike, sql, type SQL } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";
import { visibleAccount } from "../accounts/accounts.policy";
import { resultRows } from "../analytics/result-blocks";

export interface ResultFilters {
  surveyId?: string;
  accountId?: string;
  tier?: AccountTier;
  from?: string;
  to?: string;
  granularity: "month" | "quarter";
}

export interface AccountPeriodRow {
  accountId: string;
  accountName: string;
  tier: AccountTier;
  period: string;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  csatResponses: number;
  csatSum: number;
  csatSatisfied: number;
  invited: number;
  responded: number;
}

/** A timestamp's month or quarter on the organization's calendar. */
const periodOf = (column: SQL, timeZone: string, granularity: "month" | "quarter") =>
  granularity === "month" ? sql`to_char(${column} at time zone ${timeZone}, 'YYYY-MM')` : sql`to_char(${column} at time zone ${timeZone}, 'YYYY-"Q"Q')`;

const localDate = (column: SQL, timeZone: string) => sql`(${column} at time zone ${timeZone})::date`;

/**
 * Responses and invitations counted per account and period, in one statement: the NPS categories,
 * the CSAT sum and its 4-5 answers, and the invitations sent and answered. Everything else
 * (tiers, segments, totals) is added up from these rows.
 */
export async function accountPeriodCounts(db: Db, scope: Scope, filters: ResultFilters, timeZone: string): Promise<AccountPeriodRow[]> {
  const r = sql`${surveyResponses.submittedAt}`;
  const i = sql`${surveyInvitations.createdAt}`;
  const responseWhere = and(
    inOrg(scope, surveyResponses.orgId), visibleAccount(scope, surveyResponses.accountId),
    filters.surveyId ? eq(surveyResponses.surveyId, filters.surveyId) : undefined,
    filters.accountId ? eq(surveyResponses.accountId, filters.accountId) : undefined,
    filters.from ? sql`${localDate(r, timeZone)} >= ${filters.from}::date` : undefined,
    filters.to ? sql`${localDate(r, timeZone)} <= ${filters.to}::date` : undefined,
  );
  const invitationWhere = and(
    inOrg(scope, surveyInvitations.orgId), visibleAccount(scope, surveyInvitations.accountId),
    filters.surveyId ? eq(surveyInvitations.surveyId, filters.surveyId) : undefined,
    filters.accountId ? eq(surveyInvitations.accountId, filters.accountId) : undefined,
    filters.from ? sql`${localDate(i, timeZone)} >= ${filters.from}::date` : undefined,
    filters.to ? sql`${localDate(i, timeZone)} <= ${filters.to}::date` : undefined,
  );
  return db.rows<AccountPeriodRow>(sql`
    with r as (
      select ${surveyResponses.accountId} as account_id, ${periodOf(r, timeZone, filters.granularity)} as period,
        count(*)::int as responses,
        count(*) filter (where ${surveyResponses.npsScore} >= 9)::int as promoters,
        count(*) filter (where ${surveyResponses.npsScore} between 7 and 8)::int as passives,
        count(*) filter (where ${surveyResponses.npsScore} <= 6)::int as detractors,
        count(${surveyResponses.csatScore})::int as csat_responses,
        coalesce(sum(${surveyResponses.csatScore}), 0)::int as csat_sum,
        count(*) filter (where ${surveyResponses.csatScore} >= 4)::int as csat_satisfied
      from ${surveyResponses} where ${responseWhere} group by 1, 2
    ), i as (
      select ${surveyInvitations.accountId} as account_id, ${periodOf(i, timeZone, filters.granularity)} as period,
        count(*)::int as invited, count(${surveyInvitations.respondedAt})::int as responded
      from ${surveyInvitations} where ${invitationWhere} group by 1, 2
    )
    select a.id as "accountId", a.name as "accountName", a.tier as "tier", x.period as "period",
      coalesce(r.responses, 0) as "responses", coalesce(r.promoters, 0) as "promoters", coalesce(r.passives, 0) as "passives",
      coalesce(r.detractors, 0) as "detractors", coalesce(r.csat_responses, 0) as "csatResponses", coalesce(r.csat_sum, 0) as "csatSum",
      coalesce(r.csat_satisfied, 0) as "csatSatisfied", coalesce(i.invited, 0) as "invited", coalesce(i.responded, 0) as "responded"
    from (select account_id, period from r union select account_id, period from i) x
    join ${accounts} a on a.org_id = ${scope.orgId} and a.id = x.account_id
    left join r on r.account_id = x.account_id and r.period = x.period
    left join i on i.account_id = x.account_id and i.period = x.period
    where a.deleted_at is null ${filters.tier ? sql`and a.tier = ${filters.tier}` : sql``}
    order by x.period, a.id`);
}

/** Each account's quadrant in the organization's latest finished matrix analysis. */
export async function latestMatrixSegments(db: Db, scope: Scope, accountIds: readonly string[]): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const [run] = await db.orm.select({ id: analysisRuns.id }).from(analysisRuns)
    .where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.kind, "matrix"), eq(analysisRuns.status, "succeeded"), eq(analysisRuns.scope, "organization")))
    .orderBy(sql`${analysisRuns.createdAt} desc`, sql`${analysisRuns.id} desc`).limit(1);
  if (!run) return new Map();
  const rows = await db.rows<{ account_id: string; grp: string | null }>(sql`
    select r.account_id, r.grp from ${resultRows(scope, run.id)} r where r.account_id = any(${sql.param([...accountIds])}::uuid[])`);
  return new Map(rows.flatMap((r) => (r.grp ? [[r.account_id, r.grp] as const] : [])));
}

const VERBATIM_SORT: SortKey = { expr: sql`${surveyResponses.submittedAt}`, type: "timestamptz", desc: true };

export interface VerbatimRow {
  id: string;
  sortKey: string;
  surveyId: string;
  surveyTitle: Record<SurveyLanguage, string>;
  accountId: string;
  accountName: string;
  contactName: string | null;
  submittedAt: Date;
  npsScore: number | null;
  csatScore: number | null;
  comment: string | null;
  answers: Record<string, unknown>;
  language: SurveyLanguage;
  feedbackItemId: string | null;
  definition: SurveyDefinition;
}

/** Responses that say something in words, newest first, one page and one row more. */
export async function listVerbatims(db: Db, scope: Scope, query: {
  limit: number; cursor?: string; surveyId?: string; accountId?: string; tier?: AccountTier; category?: "promoter" | "passive" | "detractor"; q?: string;
}): Promise<VerbatimRow[]> {
  const r = surveyResponses;
  const category = query.category === "promoter" ? sql`${r.npsScore} >= 9` : query.category === "passive" ? sql`${r.npsScore} between 7 and 8`
    : query.category === "detractor" ? sql`${r.npsScore} <= 6` : undefined;
  const rows = await db.orm
    .select({
      id: r.id, sortKey: sql<string>`${r.submittedAt}::text`, surveyId: r.surveyId, surveyTitle: surveys.title, accountId: r.accountId, accountName: accounts.name,
      contactName: contacts.name, submittedAt: r.submittedAt, npsScore: r.npsScore, csatScore: r.csatScore, comment: r.comment, answers: r.answers,
      language: r.language, feedbackItemId: r.feedbackItemId, definition: surveyVersions.definition,
    })
    .from(r)
    .innerJoin(accounts, and(eq(accounts.orgId, r.orgId), eq(accounts.id, r.accountId)))
    .innerJoin(surveys, and(eq(surveys.orgId, r.orgId), eq(surveys.id, r.surveyId)))
    .innerJoin(surveyVersions, and(eq(surveyVersions.orgId, r.orgId), eq(surveyVersions.surveyId, r.surveyId), eq(surveyVersions.version, r.surveyVersion)))
    .leftJoin(contacts, and(eq(contacts.orgId, r.orgId), eq(contacts.id, r.contactId)))
    .where(and(
      inOrg(scope, r.orgId), visibleAccount(scope, r.accountId), sql`${accounts.deletedAt} is null`,
      // Something in words: the comment, or any text answer.
      sql`(${r.comment} is not null or exists (select 1 from jsonb_array_elements(${surveyVersions.definition} -> 'questions') q
        where q ->> 'kind' = 'text' and jsonb_exists(${r.answers}, q ->> 'id')))`,
      query.surveyId ? eq(r.surveyId, query.surveyId) : undefined,
      query.accountId ? eq(r.accountId, query.accountId) : undefined,
      query.tier ? eq(accounts.tier, query.tier) : undefined,
      category,
      query.q ? ilike(r.comment, likePattern(query.q)) : undefined,
      afterCursor(VERBATIM_SORT, r.id, query.cursor),
    ))
    .orderBy(...orderBy(VERBATIM_SORT, r.id))
    .limit(query.limit + 1);
  return rows as VerbatimRow[];
}
