import { accounts, organizations, surveyInvitations, surveyResponses, surveys, surveySchedules, surveyVersions, type Db } from "@openkam/db";
import type { SurveyDefinition } from "@openkam/domain";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type SurveyRow = typeof surveys.$inferSelect;
export type ScheduleRow = typeof surveySchedules.$inferSelect;

export interface SurveyWithStats extends SurveyRow {
  definition: SurveyDefinition;
  invited: number;
  responded: number;
  lastSentAt: Date | null;
}

/** The survey, its latest definition and its invitation counts, in one statement per list. */
function surveysWithStats(db: Db, scope: Scope) {
  const stats = db.orm
    .select({
      surveyId: surveyInvitations.surveyId,
      invited: sql<number>`count(*)::int`.as("invited"),
      responded: sql<number>`count(${surveyInvitations.respondedAt})::int`.as("responded"),
      lastSentAt: sql<Date | null>`max(${surveyInvitations.createdAt})`.as("last_sent_at"),
    })
    .from(surveyInvitations)
    .where(inOrg(scope, surveyInvitations.orgId))
    .groupBy(surveyInvitations.surveyId)
    .as("stats");
  return db.orm
    .select({
      survey: surveys,
      definition: surveyVersions.definition,
      invited: sql<number>`coalesce(${stats.invited}, 0)`,
      responded: sql<number>`coalesce(${stats.responded}, 0)`,
      lastSentAt: sql<string | null>`${stats.lastSentAt}`,
    })
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.orgId, surveys.orgId), eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.version)))
    .leftJoin(stats, eq(stats.surveyId, surveys.id));
}

const toSurvey = (r: { survey: SurveyRow; definition: SurveyDefinition; invited: number; responded: number; lastSentAt: string | Date | null }): SurveyWithStats => ({
  ...r.survey, definition: r.definition, invited: Number(r.invited), responded: Number(r.responded), lastSentAt: r.lastSentAt === null ? null : new Date(r.lastSentAt),
});

export async function listSurveys(db: Db, scope: Scope): Promise<SurveyWithStats[]> {
  const rows = await surveysWithStats(db, scope).where(inOrg(scope, surveys.orgId)).orderBy(sql`${surveys.archivedAt} is not null`, desc(surveys.createdAt), desc(surveys.id));
  return rows.map(toSurvey);
}

export async function findSurvey(db: Db, scope: Scope, id: string): Promise<SurveyWithStats | undefined> {
  const [row] = await surveysWithStats(db, scope).where(and(inOrg(scope, surveys.orgId), eq(surveys.id, id))).limit(1);
  return row ? toSurvey(row) : undefined;
}

export async function findSurveyForUpdate(tx: Db, scope: Scope, id: string): Promise<SurveyRow | undefined> {
  const [row] = await tx.orm.select().from(surveys).where(and(inOrg(scope, surveys.orgId), eq(surveys.id, id))).limit(1).for("update");
  return row;
}

export async function insertSurvey(tx: Db, scope: Scope, values: Omit<typeof surveys.$inferInsert, "orgId">, definition: SurveyDefinition): Promise<void> {
  inOrg(scope, surveys.orgId);
  await tx.orm.insert(surveys).values({ ...values, orgId: scope.orgId, version: 1 });
  await tx.orm.insert(surveyVersions).values({ orgId: scope.orgId, surveyId: values.id, version: 1, definition, createdBy: scope.userId });
}

/** Bumps the version; a new definition is stored under the new number, the old ones stay for the invitations that use them. */
export async function updateSurvey(tx: Db, scope: Scope, current: SurveyRow, patch: Partial<Pick<SurveyRow, "title" | "defaultLanguage" | "validDays" | "archivedAt">>, definition: SurveyDefinition) {
  const [row] = await tx.orm
    .update(surveys)
    .set({ ...patch, version: sql`${surveys.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, surveys.orgId), eq(surveys.id, current.id), eq(surveys.version, current.version)))
    .returning();
  if (!row) return undefined;
  await tx.orm.insert(surveyVersions).values({ orgId: scope.orgId, surveyId: row.id, version: row.version, definition, createdBy: scope.userId });
  return row;
}

export async function latestDefinition(db: Db, scope: Scope, surveyId: string, version: number): Promise<SurveyDefinition | undefined> {
  const [row] = await db.orm.select({ definition: surveyVersions.definition }).from(surveyVersions)
    .where(and(inOrg(scope, surveyVersions.orgId), eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version))).limit(1);
  return row?.definition;
}

export async function countResponses(db: Db, scope: Scope, surveyId: string): Promise<number> {
  const [row] = await db.orm.select({ n: sql<number>`count(*)::int` }).from(surveyResponses)
    .where(and(inOrg(scope, surveyResponses.orgId), eq(surveyResponses.surveyId, surveyId)));
  return Number(row?.n ?? 0);
}

export async function deleteSurvey(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(surveys).where(and(inOrg(scope, surveys.orgId), eq(surveys.id, id)));
}

export interface ScheduleWithAccount extends ScheduleRow {
  accountName: string | null;
}

export async function listSchedules(db: Db, scope: Scope, surveyId: string): Promise<ScheduleWithAccount[]> {
  const rows = await db.orm
    .select({ schedule: surveySchedules, accountName: accounts.name })
    .from(surveySchedules)
    .leftJoin(accounts, and(eq(accounts.orgId, surveySchedules.orgId), eq(accounts.id, surveySchedules.accountId)))
    .where(and(inOrg(scope, surveySchedules.orgId), eq(surveySchedules.surveyId, surveyId)))
    .orderBy(asc(surveySchedules.createdAt), asc(surveySchedules.id));
  return rows.map((r) => ({ ...r.schedule, accountName: r.accountName }));
}

export async function findSchedule(db: Db, scope: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<ScheduleWithAccount | undefined> {
  const query = db.orm
    .select({ schedule: surveySchedules, accountName: accounts.name })
    .from(surveySchedules)
    .leftJoin(accounts, and(eq(accounts.orgId, surveySchedules.orgId), eq(accounts.id, surveySchedules.accountId)))
    .where(and(inOrg(scope, surveySchedules.orgId), eq(surveySchedules.id, id)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: surveySchedules }) : await query;
  return row ? { ...row.schedule, accountName: row.accountName } : undefined;
}

export async function insertSchedule(tx: Db, scope: Scope, values: Omit<typeof surveySchedules.$inferInsert, "orgId">): Promise<void> {
  inOrg(scope, surveySchedules.orgId);
  await tx.orm.insert(surveySchedules).values({ ...values, orgId: scope.orgId });
}

export async function updateSchedule(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<Pick<ScheduleRow, "recurrence" | "startsOn" | "active">>) {
  const [row] = await tx.orm
    .update(surveySchedules)
    .set({ ...patch, version: sql`${surveySchedules.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, surveySchedules.orgId), eq(surveySchedules.id, id), eq(surveySchedules.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteSchedule(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(surveySchedules).where(and(inOrg(scope, surveySchedules.orgId), eq(surveySchedules.id, id)));
}

/** The organization's IANA zone: schedules fall due on its calendar. */
export async function organizationTimeZone(db: Db, scope: Scope): Promise<string> {
  const [row] = await db.orm.select({ timeZone: organizations.timezone }).from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  return row?.timeZone ?? "UTC";
}
