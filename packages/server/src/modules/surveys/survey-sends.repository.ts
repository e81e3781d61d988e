import { accounts, contacts, kamProgrammeAccounts, organizations, surveyInvitations, surveys, surveySchedules, surveySends, type Db } from "@openkam/db";
import type { AccountTier, SurveyLanguage, SurveyTargetKind } from "@openkam/domain";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export type InvitationRow = typeof surveyInvitations.$inferSelect;

export type SendTarget = { kind: "account"; accountId: string } | { kind: "tier"; tier: AccountTier } | { kind: "cohort" };

export interface TargetAccount {
  id: string;
  name: string;
  country: string | null;
  language: string | null;
}

/** The live accounts a sending goes to (churned ones are not asked). */
export async function targetAccounts(db: Db, scope: Scope, target: SendTarget): Promise<TargetAccount[]> {
  const select = {
    id: accounts.id, name: accounts.name, country: accounts.country,
    language: sql<string | null>`${accounts.customFields} ->> 'language'`,
  };
  const live = and(inOrg(scope, accounts.orgId), isNull(accounts.deletedAt), sql`${accounts.status} <> 'churned'`, visibleAccount(scope, accounts.id));
  switch (target.kind) {
    case "account":
      return db.orm.select(select).from(accounts).where(and(live, eq(accounts.id, target.accountId)));
    case "tier":
      return db.orm.select(select).from(accounts).where(and(live, eq(accounts.tier, target.tier))).orderBy(asc(accounts.id));
    case "cohort":
      return db.orm.select(select).from(accounts)
        .innerJoin(kamProgrammeAccounts, and(eq(kamProgrammeAccounts.orgId, accounts.orgId), eq(kamProgrammeAccounts.accountId, accounts.id)))
        .where(live).orderBy(asc(accounts.id));
  }
}

/** The live contacts of these accounts, with their e-mail address when they have one. */
export async function targetContacts(db: Db, scope: Scope, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  return db.orm
    .select({ id: contacts.id, accountId: contacts.accountId, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(and(inOrg(scope, contacts.orgId), inArray(contacts.accountId, [...accountIds]), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.accountId), asc(contacts.id));
}

/** Undefined when this schedule's send date was already sent (by another instance, or a retried job). */
export async function insertSend(tx: Db, scope: Scope, values: Omit<typeof surveySends.$inferInsert, "orgId">) {
  inOrg(scope, surveySends.orgId);
  const [row] = await tx.orm.insert(surveySends).values({ ...values, orgId: scope.orgId }).onConflictDoNothing().returning({ id: surveySends.id });
  return row;
}

export async function insertInvitations(tx: Db, scope: Scope, rows: ReadonlyArray<Omit<typeof surveyInvitations.$inferInsert, "orgId">>): Promise<string[]> {
  inOrg(scope, surveyInvitations.orgId);
  if (rows.length === 0) return [];
  const inserted = await tx.orm.insert(surveyInvitations).values(rows.map((r) => ({ ...r, orgId: scope.orgId }))).onConflictDoNothing().returning({ id: surveyInvitations.id });
  return inserted.map((r) => r.id);
}

/** A sender that died mid-send leaves a `sending` row; after this long another may take it over. */
const SENDING_LEASE = sql.raw("interval '10 minutes'");

/**
 * Takes the right to e-mail one invitation, and gives it the link that e-mail will carry: true for
 * exactly one caller however many run at once. Only the claimer knows the new token, so the link
 * in an e-mail is always the invitation's current one.
 */
export async function claimInvitationMail(db: Db, scope: Scope, id: string, link: { tokenHash: string; expiresAt: Date }) {
  const [row] = await db.orm
    .update(surveyInvitations)
    .set({ mailStatus: "sending", mailAttemptedAt: sql`now()`, mailError: null, tokenHash: link.tokenHash, expiresAt: link.expiresAt })
    .where(and(
      inOrg(scope, surveyInvitations.orgId), eq(surveyInvitations.id, id), isNull(surveyInvitations.respondedAt),
      or(
        inArray(surveyInvitations.mailStatus, ["pending", "failed"]),
        and(eq(surveyInvitations.mailStatus, "sending"), lt(surveyInvitations.mailAttemptedAt, sql`now() - ${SENDING_LEASE}`)),
      ),
    ))
    .returning();
  return row;
}

export async function finishInvitationMail(db: Db, scope: Scope, id: string, result: { messageId: string } | { error: string } | "not_configured") {
  const set = result === "not_configured" ? { mailStatus: "not_configured" as const }
    : "messageId" in result ? { mailStatus: "sent" as const, sentAt: sql`now()`, mailMessageId: result.messageId }
    : { mailStatus: "failed" as const, mailError: result.error.slice(0, 2000) };
  await db.orm.update(surveyInvitations).set(set).where(and(inOrg(scope, surveyInvitations.orgId), eq(surveyInvitations.id, id)));
}

/** Invitations whose e-mail has not gone out yet (new, failed, or abandoned mid-send), oldest first. */
export async function undeliveredInvitations(db: Db, scope: Scope, options: { sendId?: string; since: Date }) {
  return db.orm
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(and(
      inOrg(scope, surveyInvitations.orgId), isNull(surveyInvitations.respondedAt), gt(surveyInvitations.createdAt, options.since),
      options.sendId ? eq(surveyInvitations.sendId, options.sendId) : undefined,
      or(inArray(surveyInvitations.mailStatus, ["pending", "failed"]), and(eq(surveyInvitations.mailStatus, "sending"), lt(surveyInvitations.mailAttemptedAt, sql`now() - ${SENDING_LEASE}`))),
    ))
    .orderBy(asc(surveyInvitations.createdAt), asc(surveyInvitations.id))
    .limit(5_000);
}

export interface MailContext {
  invitation: InvitationRow;
  contactName: string;
  accountName: string;
  organizationName: string;
  surveyTitle: Record<SurveyLanguage, string>;
}

export async function mailContext(db: Db, scope: Scope, id: string): Promise<MailContext | undefined> {
  const [row] = await db.orm
    .select({ invitation: surveyInvitations, contactName: contacts.name, accountName: accounts.name, organizationName: organizations.name, surveyTitle: surveys.title })
    .from(surveyInvitations)
    .innerJoin(contacts, and(eq(contacts.orgId, surveyInvitations.orgId), eq(contacts.id, surveyInvitations.contactId)))
    .innerJoin(accounts, and(eq(accounts.orgId, surveyInvitations.orgId), eq(accounts.id, surveyInvitations.accountId)))
    .innerJoin(surveys, and(eq(surveys.orgId, surveyInvitations.orgId), eq(surveys.id, surveyInvitations.surveyId)))
    .innerJoin(organizations, eq(organizations.id, surveyInvitations.orgId))
    .where(and(inOrg(scope, surveyInvitations.orgId), eq(surveyInvitations.id, id)))
    .limit(1);
  return row;
}

export async function markNotConfigured(db: Db, scope: Scope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.orm.update(surveyInvitations).set({ mailStatus: "not_configured" })
    .where(and(inOrg(scope, surveyInvitations.orgId), inArray(surveyInvitations.id, [...ids]), eq(surveyInvitations.mailStatus, "pending")));
}

export async function findInvitationForUpdate(tx: Db, scope: Scope, id: string) {
  const [row] = await tx.orm
    .select({ invitation: surveyInvitations, validDays: surveys.validDays })
    .from(surveyInvitations)
    .innerJoin(surveys, and(eq(surveys.orgId, surveyInvitations.orgId), eq(surveys.id, surveyInvitations.surveyId)))
    .where(and(inOrg(scope, surveyInvitations.orgId), eq(surveyInvitations.id, id), visibleAccount(scope, surveyInvitations.accountId)))
    .limit(1)
    .for("update", { of: surveyInvitations });
  return row;
}

export async function replaceLink(tx: Db, scope: Scope, id: string, link: { tokenHash: string; expiresAt: Date }): Promise<void> {
  await tx.orm.update(surveyInvitations).set({ tokenHash: link.tokenHash, expiresAt: link.expiresAt })
    .where(and(inOrg(scope, surveyInvitations.orgId), eq(surveyInvitations.id, id)));
}

const INVITATION_SORT: SortKey = { expr: sql`${surveyInvitations.createdAt}`, type: "timestamptz", desc: true };

export async function listInvitations(db: Db, scope: Scope, surveyId: string, query: { limit: number; cursor?: string; accountId?: string; status?: "open" | "responded" | "expired" }) {
  const statusCondition = query.status === "responded" ? isNotNull(surveyInvitations.respondedAt)
    : query.status === "expired" ? and(isNull(surveyInvitations.respondedAt), lt(surveyInvitations.expiresAt, sql`now()`))
    : query.status === "open" ? and(isNull(surveyInvitations.respondedAt), gt(surveyInvitations.expiresAt, sql`now()`)) : undefined;
  return db.orm
    .select({
      invitation: surveyInvitations, accountName: accounts.name, contactName: contacts.name,
      id: surveyInvitations.id, sortKey: sql<string>`${surveyInvitations.createdAt}::text`,
    })
    .from(surveyInvitations)
    .innerJoin(accounts, and(eq(accounts.orgId, surveyInvitations.orgId), eq(accounts.id, surveyInvitations.accountId)))
    .innerJoin(contacts, and(eq(contacts.orgId, surveyInvitations.orgId), eq(contacts.id, surveyInvitations.contactId)))
    .where(and(
      inOrg(scope, surveyInvitations.orgId), eq(surveyInvitations.surveyId, surveyId), visibleAccount(scope, surveyInvitations.accountId),
      query.accountId ? eq(surveyInvitations.accountId, query.accountId) : undefined, statusCondition,
      afterCursor(INVITATION_SORT, surveyInvitations.id, query.cursor),
    ))
    .orderBy(...orderBy(INVITATION_SORT, surveyInvitations.id))
    .limit(query.limit + 1);
}

export interface DueScheduleRow {
  id: string;
  surveyId: string;
  surveyVersion: number;
  targetKind: SurveyTargetKind;
  accountId: string | null;
  tier: AccountTier | null;
  recurrence: (typeof surveySchedules.$inferSelect)["recurrence"];
  startsOn: string;
  lastOccurrence: string | null;
}

/** Active schedules of surveys that are not archived. */
export async function activeSchedules(db: Db, scope: Scope): Promise<DueScheduleRow[]> {
  return db.orm
    .select({
      id: surveySchedules.id, surveyId: surveySchedules.surveyId, surveyVersion: surveys.version, targetKind: surveySchedules.targetKind,
      accountId: surveySchedules.accountId, tier: surveySchedules.tier, recurrence: surveySchedules.recurrence, startsOn: surveySchedules.startsOn,
      lastOccurrence: surveySchedules.lastOccurrence,
    })
    .from(surveySchedules)
    .innerJoin(surveys, and(eq(surveys.orgId, surveySchedules.orgId), eq(surveys.id, surveySchedules.surveyId)))
    .where(and(inOrg(scope, surveySchedules.orgId), eq(surveySchedules.active, true), isNull(surveys.archivedAt)))
    .orderBy(desc(surveySchedules.createdAt));
}

export async function markOccurrenceSent(tx: Db, scope: Scope, scheduleId: string, occurrence: string): Promise<void> {
  await tx.orm.update(surveySchedules).set({ lastOccurrence: occurrence })
    .where(and(inOrg(scope, surveySchedules.orgId), eq(surveySchedules.id, scheduleId), or(isNull(surveySchedules.lastOccurrence), lt(surveySchedules.lastOccurrence, occurrence))));
}
