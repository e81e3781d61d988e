import { accountPlans, accounts, accountTeamMembers, byNameKey, cases, feedbackItems, interactions, organizations, tasks, users, type Db } from "@openkam/db";
import type { AccountStatus, AccountTier, CaseStatus, InteractionType, SlaPriority, TaskStatus, TeamRole } from "@openkam/domain";
import type { Quarter } from "@openkam/domain/reports/index";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

/** Instants of a quarter: from its first day's midnight to the next quarter's, in the organization's zone. */
export interface QuarterRange {
  quarter: Quarter;
  timeZone: string;
}

const ISO_INSTANT = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);
/** An instant as ISO 8601 text, formatted by the database so both engines answer alike. */
export const isoInstant = (column: unknown) => sql`to_char(${column} at time zone 'UTC', ${ISO_INSTANT})`;

const startOf = (date: string, timeZone: string) => sql`(${date}::date::timestamp at time zone ${timeZone})`;
const endOf = (date: string, timeZone: string) => sql`((${date}::date + 1)::timestamp at time zone ${timeZone})`;

/** `column` lies within the quarter, read in the organization's time zone. */
export const inQuarter = (column: unknown, { quarter, timeZone }: QuarterRange) =>
  sql`${column} >= ${startOf(quarter.from, timeZone)} and ${column} < ${endOf(quarter.to, timeZone)}`;

export interface AccountHeaderRow {
  id: string;
  name: string;
  tier: AccountTier;
  status: AccountStatus;
  industry: string | null;
  region: string | null;
  currency: string;
  ownerUserId: string | null;
  ownerName: string | null;
  timeZone: string;
}

/** The account if the scope may see it, with its owner's name and the organization's time zone. */
export async function findAccountHeader(db: Db, scope: Scope, accountId: string): Promise<AccountHeaderRow | undefined> {
  const [row] = await db.orm
    .select({
      id: accounts.id, name: accounts.name, tier: accounts.tier, status: accounts.status, industry: accounts.industry, region: accounts.region,
      currency: accounts.currency, ownerUserId: accounts.ownerUserId, ownerName: users.name, timeZone: organizations.timezone,
    })
    .from(accounts)
    .innerJoin(organizations, eq(organizations.id, accounts.orgId))
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .where(and(inOrg(scope, accounts.orgId), eq(accounts.id, accountId), isNull(accounts.deletedAt), visibleAccount(scope)))
    .limit(1);
  return row;
}

export async function listTeam(db: Db, scope: Scope, accountId: string): Promise<Array<{ userId: string; name: string; teamRole: TeamRole }>> {
  return db.orm
    .select({ userId: accountTeamMembers.userId, name: users.name, teamRole: accountTeamMembers.teamRole })
    .from(accountTeamMembers)
    .innerJoin(users, eq(users.id, accountTeamMembers.userId))
    .where(and(inOrg(scope, accountTeamMembers.orgId), eq(accountTeamMembers.accountId, accountId)))
    .orderBy(asc(accountTeamMembers.teamRole), asc(byNameKey(users.nameKey)), asc(users.id));
}

export type PlanRow = Pick<typeof accountPlans.$inferSelect, "id" | "title" | "status" | "periodStart" | "periodEnd" | "progress" | "content">;

/** Plans whose period overlaps the two quarters (the one reviewed and the next), oldest period first. */
export async function listPlansOverlapping(db: Db, scope: Scope, accountId: string, from: string, to: string): Promise<PlanRow[]> {
  return db.orm
    .select({ id: accountPlans.id, title: accountPlans.title, status: accountPlans.status, periodStart: accountPlans.periodStart, periodEnd: accountPlans.periodEnd, progress: accountPlans.progress, content: accountPlans.content })
    .from(accountPlans)
    .where(and(inOrg(scope, accountPlans.orgId), eq(accountPlans.accountId, accountId), sql`${accountPlans.periodStart} <= ${to}`, sql`${accountPlans.periodEnd} >= ${from}`))
    .orderBy(asc(accountPlans.periodStart), asc(accountPlans.id));
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.orm.select({ id: users.id, name: users.name }).from(users).where(sql`${users.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface FeedbackCounts {
  received: number;
  closed: number;
  open: number;
}

export async function feedbackCounts(db: Db, scope: Scope, accountId: string, range: QuarterRange): Promise<FeedbackCounts> {
  const [row] = await db.rows<FeedbackCounts>(sql`
    select count(*) filter (where ${inQuarter(feedbackItems.createdAt, range)})::int as received,
      count(*) filter (where ${feedbackItems.closedAt} is not null and ${inQuarter(feedbackItems.closedAt, range)})::int as closed,
      count(*) filter (where ${feedbackItems.status} <> 'closed')::int as open
    from ${feedbackItems}
    where ${inOrg(scope, feedbackItems.orgId)} and ${feedbackItems.accountId} = ${accountId}`);
  return row ?? { received: 0, closed: 0, open: 0 };
}

export interface FeedbackRow {
  id: string;
  title: string;
  description: string | null;
  category: string | null;
  severity: string;
  status: string;
  createdAt: string;
  closedAt: string | null;
  action: string | null;
}

/**
 * "You said, we did": items whose improvement was carried out in the quarter — closed in it, or
 * moved to done or informed in it — with the title of the task that carried the improvement.
 */
export async function listFeedbackActedOn(db: Db, scope: Scope, accountId: string, range: QuarterRange): Promise<FeedbackRow[]> {
  const f = feedbackItems;
  return db.rows<FeedbackRow>(sql`
    select ${f.id} as id, ${f.title} as title, ${f.description} as description, ${f.category} as category, ${f.severity} as severity,
      ${f.status} as status, ${isoInstant(f.createdAt)} as "createdAt", ${isoInstant(f.closedAt)} as "closedAt", ${tasks.title} as action
    from ${f}
    left join ${tasks} on ${tasks.orgId} = ${f.orgId} and ${tasks.id} = ${f.taskId}
    where ${inOrg(scope, f.orgId)} and ${f.accountId} = ${accountId}
      and ((${f.closedAt} is not null and ${inQuarter(f.closedAt, range)})
        or (${f.status} in ('done', 'informed') and ${inQuarter(f.statusChangedAt, range)}))
    order by coalesce(${f.closedAt}, ${f.statusChangedAt}), ${f.id}
    limit 100`);
}

export async function interactionsByType(db: Db, scope: Scope, accountId: string, range: QuarterRange): Promise<Array<{ type: InteractionType; count: number }>> {
  return db.rows(sql`
    select ${interactions.type} as type, count(*)::int as count from ${interactions}
    where ${inOrg(scope, interactions.orgId)} and ${interactions.accountId} = ${accountId} and ${inQuarter(interactions.occurredAt, range)}
    group by ${interactions.type} order by count(*) desc, ${interactions.type}`);
}

export async function casesByStatus(db: Db, scope: Scope, accountId: string, range: QuarterRange): Promise<Array<{ status: CaseStatus; count: number }>> {
  return db.rows(sql`
    select ${cases.status} as status, count(*)::int as count from ${cases}
    where ${inOrg(scope, cases.orgId)} and ${cases.accountId} = ${accountId} and ${inQuarter(cases.openedAt, range)}
    group by ${cases.status} order by ${cases.status}`);
}

export interface NextTaskRow {
  id: string;
  title: string;
  dueDate: string | null;
  status: TaskStatus;
  assigneeName: string | null;
}

/** Open tasks of the account due by the end of `to` (overdue ones included: they carry over). */
export async function listOpenTasksDueBy(db: Db, scope: Scope, accountId: string, to: string): Promise<NextTaskRow[]> {
  return db.orm
    .select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate, status: tasks.status, assigneeName: users.name })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeUserId))
    .where(and(inOrg(scope, tasks.orgId), eq(tasks.accountId, accountId), sql`${tasks.status} not in ('done', 'cancelled')`, sql`${tasks.dueDate} <= ${to}`))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .limit(100);
}

/** Cases opened in the quarter on the accounts the scope sees (one account, or all of them). */
export async function listCasesOpenedIn(db: Db, scope: Scope, range: QuarterRange, accountId?: string): Promise<ClockedCaseRow[]> {
  return db.orm
    .select({ id: cases.id, accountId: cases.accountId, tier: cases.tier, priority: cases.priority, openedAt: cases.openedAt })
    .from(cases)
    .innerJoin(accounts, and(eq(accounts.orgId, cases.orgId), eq(accounts.id, cases.accountId)))
    .where(and(inOrg(scope, cases.orgId), isNull(accounts.deletedAt), visibleAccount(scope, cases.accountId), accountId ? eq(cases.accountId, accountId) : undefined, inQuarter(cases.openedAt, range)));
}

export interface ClockedCaseRow {
  id: string;
  accountId: string;
  tier: AccountTier;
  priority: SlaPriority;
  openedAt: Date;
}

// The survey tables belong to the surveys module; the report only reads the columns agreed with it.
const SURVEY_RESPONSES = sql.identifier("survey_responses");

export interface SurveyTally {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  csatSum: number;
  csatCount: number;
}

export async function surveyTally(db: Db, scope: Scope, accountId: string, range: QuarterRange): Promise<SurveyTally> {
  inOrg(scope, accounts.orgId);
  const [row] = await db.rows<SurveyTally>(sql`
    select count(*)::int as responses,
      count(*) filter (where nps_score >= 9)::int as promoters,
      count(*) filter (where nps_score between 7 and 8)::int as passives,
      count(*) filter (where nps_score <= 6)::int as detractors,
      coalesce(sum(csat_score), 0)::int as "csatSum", count(csat_score)::int as "csatCount"
    from ${SURVEY_RESPONSES}
    where org_id = ${scope.orgId} and account_id = ${accountId} and ${inQuarter(sql`submitted_at`, range)}`);
  return row ?? { responses: 0, promoters: 0, passives: 0, detractors: 0, csatSum: 0, csatCount: 0 };
}

export async function surveyComments(db: Db, scope: Scope, accountId: string, range: QuarterRange): Promise<Array<{ submittedAt: string; npsScore: number | null; csatScore: number | null; comment: string }>> {
  inOrg(scope, accounts.orgId);
  return db.rows(sql`
    select ${isoInstant(sql`submitted_at`)} as "submittedAt", nps_score as "npsScore", csat_score as "csatScore", comment
    from ${SURVEY_RESPONSES}
    where org_id = ${scope.orgId} and account_id = ${accountId} and ${inQuarter(sql`submitted_at`, range)}
      and comment is not null and btrim(comment) <> ''
    order by submitted_at desc, id
    limit 20`);
}
