import { accounts, kamProgrammeAccounts, memberships, organizations, scorecardConfigs, users, type Db } from "@openkam/db";
import type { CaseEventType, CaseStatus, AccountTier, KpiPeriod, ScorecardConfig, SlaPriority } from "@openkam/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import * as q from "./kpis.queries";

export async function organizationSettings(db: Db, scope: Scope): Promise<{ currency: string; timeZone: string }> {
  const [row] = await db.orm.select({ currency: organizations.defaultCurrency, timeZone: organizations.timezone }).from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  if (!row) throw new Error("the scope's organization does not exist");
  return row;
}

/** The visible live account's name, or undefined (absent, deleted, another organization's or not the caller's). */
export async function visibleAccountName(db: Db, scope: Scope, accountId: string): Promise<string | undefined> {
  const [row] = await db.orm.select({ name: accounts.name }).from(accounts)
    .where(and(inOrg(scope, accounts.orgId), eq(accounts.id, accountId), sql`${accounts.deletedAt} is null`, visibleAccount(scope))).limit(1);
  return row?.name;
}

/** A member's display name, or undefined when the user is not a member of the organization. */
export async function memberName(db: Db, scope: Scope, userId: string): Promise<string | undefined> {
  const [row] = await db.orm.select({ name: users.name }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.userId, userId))).limit(1);
  return row?.name;
}

export async function hasProgrammeCohort(db: Db, scope: Scope): Promise<boolean> {
  const [row] = await db.orm.select({ one: sql<number>`1` }).from(kamProgrammeAccounts).where(inOrg(scope, kamProgrammeAccounts.orgId)).limit(1);
  return row !== undefined;
}

export interface RevenueRow {
  accountId: string;
  createdOn: string;
  estimatedTotalSpend: unknown;
  current: string;
  previous: string;
  yearBefore: string;
  trailing: string;
  trailingPrior: string;
  otherCurrency: number;
}

export function revenueRows(db: Db, scope: Scope, subject: q.KpiSubjectFilter, input: Parameters<typeof q.revenueQuery>[2]): Promise<RevenueRow[]> {
  return db.rows<RevenueRow>(q.revenueQuery(scope, subject, input));
}

export interface MonthlyRevenueRow {
  accountId: string;
  createdOn: string;
  estimatedTotalSpend: unknown;
  /** YYYY-MM; null for an account without orders in the range. */
  month: string | null;
  amount: string;
  otherCurrency: number;
}

export function monthlyRevenueRows(db: Db, scope: Scope, subject: q.KpiSubjectFilter, input: Parameters<typeof q.revenueByMonthQuery>[2]): Promise<MonthlyRevenueRow[]> {
  return db.rows<MonthlyRevenueRow>(q.revenueByMonthQuery(scope, subject, input));
}

export function clvRows(db: Db, scope: Scope, subject: q.KpiSubjectFilter, input: { currency: string; asOf: string }) {
  return db.rows<{ accountId: string; clv: number }>(q.clvQuery(scope, subject, input));
}

export function surveyScoreRows(db: Db, scope: Scope, subject: q.KpiSubjectFilter, input: { timeZone: string; period: KpiPeriod }) {
  return db.rows<{ kind: "nps" | "csat"; score: number; answers: number }>(q.surveyScoresQuery(scope, subject, input));
}

export interface KpiCaseRow {
  id: string;
  tier: AccountTier;
  priority: SlaPriority;
  openedAt: Date;
}

export async function caseRows(db: Db, scope: Scope, subject: q.KpiSubjectFilter, input: { timeZone: string; period: KpiPeriod }) {
  const rows = await db.rows<KpiCaseRow & { openedAt: string | Date }>(q.casesQuery(scope, subject, input));
  return rows.map((r) => ({ ...r, openedAt: new Date(r.openedAt) }));
}

export async function caseEventRows(db: Db, scope: Scope, subject: q.KpiSubjectFilter, input: { timeZone: string; period: KpiPeriod }) {
  const rows = await db.rows<{ caseId: string; type: CaseEventType; at: string | Date; status: CaseStatus }>(q.caseEventsQuery(scope, subject, input));
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

export function planActionRows(db: Db, scope: Scope, subject: q.KpiSubjectFilter, input: { period: KpiPeriod }) {
  return db.rows<{ status: string; actions: number }>(q.planActionsQuery(scope, subject, input));
}

export async function feedbackClosedRows(db: Db, scope: Scope, subject: q.KpiSubjectFilter, input: { timeZone: string; period: KpiPeriod }) {
  const rows = await db.rows<{ createdAt: string | Date; closedAt: string | Date }>(q.feedbackClosedQuery(scope, subject, input));
  return rows.map((r) => ({ createdAt: new Date(r.createdAt), closedAt: new Date(r.closedAt) }));
}

// -- scorecard configuration ----------------------------------------------------------------

export type ScorecardConfigRow = typeof scorecardConfigs.$inferSelect;

export async function currentScorecardConfig(db: Db, scope: Scope, options: { forUpdate?: boolean } = {}): Promise<ScorecardConfigRow | undefined> {
  const query = db.orm.select().from(scorecardConfigs).where(inOrg(scope, scorecardConfigs.orgId)).orderBy(desc(scorecardConfigs.version)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Undefined when that version exists already: someone else saved from the same version first. */
export async function insertScorecardConfig(tx: Db, scope: Scope, version: number, config: ScorecardConfig): Promise<ScorecardConfigRow | undefined> {
  inOrg(scope, scorecardConfigs.orgId);
  const [row] = await tx.orm.insert(scorecardConfigs).values({ orgId: scope.orgId, version, config, createdBy: scope.userId }).onConflictDoNothing().returning();
  return row;
}
