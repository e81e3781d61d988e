import { accounts, accountTeamMembers, contacts, memberships, organizations, reviewCycles, reviewInvitations, reviewSettings, users, type Db } from "@openkam/db";
import type { ReviewView } from "@openkam/domain";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export type ReviewSettingsRow = typeof reviewSettings.$inferSelect;
export type CycleRow = typeof reviewCycles.$inferSelect & { accountName: string };
export type InvitationRow = typeof reviewInvitations.$inferSelect;
export type NewInvitation = Omit<typeof reviewInvitations.$inferInsert, "orgId">;

// ---------------------------------------------------------------- settings

export async function findSettings(db: Db, scope: Scope, options: { forUpdate?: boolean } = {}): Promise<ReviewSettingsRow | undefined> {
  const query = db.orm.select().from(reviewSettings).where(inOrg(scope, reviewSettings.orgId)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

type SettingsValues = Pick<ReviewSettingsRow, "criteria" | "gapThreshold">;

export async function insertSettings(tx: Db, scope: Scope, values: SettingsValues): Promise<ReviewSettingsRow | undefined> {
  inOrg(scope, reviewSettings.orgId);
  const [row] = await tx.orm.insert(reviewSettings).values({ ...values, orgId: scope.orgId, updatedBy: scope.userId }).onConflictDoNothing().returning();
  return row;
}

export async function updateSettings(tx: Db, scope: Scope, expectedVersion: number, values: SettingsValues): Promise<ReviewSettingsRow | undefined> {
  const [row] = await tx.orm
    .update(reviewSettings)
    .set({ ...values, updatedBy: scope.userId, updatedAt: new Date(), version: sql`${reviewSettings.version} + 1` })
    .where(and(inOrg(scope, reviewSettings.orgId), eq(reviewSettings.version, expectedVersion)))
    .returning();
  return row;
}

// ---------------------------------------------------------------- cycles

const cycleColumns = { cycle: reviewCycles, accountName: accounts.name };

function selectCycles(db: Db) {
  return db.orm.select(cycleColumns).from(reviewCycles)
    .innerJoin(accounts, and(eq(accounts.orgId, reviewCycles.orgId), eq(accounts.id, reviewCycles.accountId)));
}
const flatten = (r: { cycle: typeof reviewCycles.$inferSelect; accountName: string }): CycleRow => ({ ...r.cycle, accountName: r.accountName });

/** A cycle on an account the caller sees. */
export async function findCycle(db: Db, scope: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<CycleRow | undefined> {
  const query = selectCycles(db).where(and(inOrg(scope, reviewCycles.orgId), eq(reviewCycles.id, id), visibleAccount(scope, reviewCycles.accountId))).limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: reviewCycles }) : await query;
  return row && flatten(row);
}

export async function listCyclesOfAccount(db: Db, scope: Scope, accountId: string): Promise<CycleRow[]> {
  const rows = await selectCycles(db)
    .where(and(inOrg(scope, reviewCycles.orgId), eq(reviewCycles.accountId, accountId), visibleAccount(scope, reviewCycles.accountId)))
    .orderBy(desc(reviewCycles.periodEnd), desc(reviewCycles.id))
    .limit(100);
  return rows.map(flatten);
}

export async function insertCycle(tx: Db, scope: Scope, values: Omit<typeof reviewCycles.$inferInsert, "orgId">): Promise<void> {
  inOrg(scope, reviewCycles.orgId);
  await tx.orm.insert(reviewCycles).values({ ...values, orgId: scope.orgId });
}

export async function closeCycle(tx: Db, scope: Scope, id: string, expectedVersion: number, now: Date): Promise<boolean> {
  const rows = await tx.orm.update(reviewCycles)
    .set({ status: "closed", closedAt: now, updatedAt: now, version: sql`${reviewCycles.version} + 1` })
    .where(and(inOrg(scope, reviewCycles.orgId), eq(reviewCycles.id, id), eq(reviewCycles.version, expectedVersion)))
    .returning({ id: reviewCycles.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- who is asked

/** The account's team members who can answer (active, not viewers), with their team role. */
export async function answeringTeam(db: Db, scope: Scope, accountId: string) {
  return db.orm.select({ userId: accountTeamMembers.userId, teamRole: accountTeamMembers.teamRole })
    .from(accountTeamMembers)
    .innerJoin(memberships, and(eq(memberships.orgId, accountTeamMembers.orgId), eq(memberships.userId, accountTeamMembers.userId)))
    .where(and(inOrg(scope, accountTeamMembers.orgId), eq(accountTeamMembers.accountId, accountId), eq(memberships.isActive, true), sql`${memberships.role} <> 'viewer'`))
    .orderBy(asc(accountTeamMembers.userId));
}

export async function activeDirectors(db: Db, scope: Scope): Promise<string[]> {
  const rows = await db.orm.select({ userId: memberships.userId }).from(memberships)
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.role, "director"), eq(memberships.isActive, true)))
    .orderBy(asc(memberships.userId));
  return rows.map((r) => r.userId);
}

export async function findContact(db: Db, scope: Scope, id: string, accountId: string) {
  const [row] = await db.orm.select({ id: contacts.id, name: contacts.name, email: contacts.email }).from(contacts)
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.id, id), eq(contacts.accountId, accountId), isNull(contacts.deletedAt))).limit(1);
  return row;
}

export async function organizationName(db: Db, scope: Scope): Promise<string> {
  const [row] = await db.orm.select({ name: organizations.name }).from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  return row?.name ?? "";
}

// ---------------------------------------------------------------- invitations

export async function insertInvitations(tx: Db, scope: Scope, rows: readonly NewInvitation[]): Promise<void> {
  inOrg(scope, reviewInvitations.orgId);
  if (rows.length > 0) await tx.orm.insert(reviewInvitations).values(rows.map((r) => ({ ...r, orgId: scope.orgId })));
}

export type InvitationWithName = InvitationRow & { name: string };

export async function invitationsOfCycles(db: Db, scope: Scope, cycleIds: readonly string[]): Promise<InvitationWithName[]> {
  if (cycleIds.length === 0) return [];
  const rows = await db.orm
    .select({ invitation: reviewInvitations, userName: users.name, contactName: contacts.name })
    .from(reviewInvitations)
    .leftJoin(users, eq(users.id, reviewInvitations.userId))
    .leftJoin(contacts, and(eq(contacts.orgId, reviewInvitations.orgId), eq(contacts.id, reviewInvitations.contactId)))
    .where(and(inOrg(scope, reviewInvitations.orgId), inArray(reviewInvitations.cycleId, [...cycleIds])))
    .orderBy(asc(reviewInvitations.cycleId), asc(reviewInvitations.view), asc(reviewInvitations.id));
  return rows.map((r) => ({ ...r.invitation, name: r.userName ?? r.contactName ?? r.invitation.email ?? "" }));
}

export async function findUserInvitation(tx: Db, scope: Scope, cycleId: string, userId: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.orm.select().from(reviewInvitations)
    .where(and(inOrg(scope, reviewInvitations.orgId), eq(reviewInvitations.cycleId, cycleId), eq(reviewInvitations.userId, userId)))
    .limit(1).for("update");
  return row;
}

export async function findCustomerInvitation(tx: Db, scope: Scope, cycleId: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.orm.select().from(reviewInvitations)
    .where(and(inOrg(scope, reviewInvitations.orgId), eq(reviewInvitations.cycleId, cycleId), eq(reviewInvitations.view, "customer")))
    .orderBy(desc(reviewInvitations.createdAt)).limit(1).for("update");
  return row;
}

export async function saveAnswer(tx: Db, scope: Scope, id: string, answer: { ratings: Record<string, number | null>; comment: string | null; submissionId: string | null; respondedAt: Date; language?: "en" | "zh-CN" }): Promise<boolean> {
  const rows = await tx.orm.update(reviewInvitations)
    .set(answer)
    .where(and(inOrg(scope, reviewInvitations.orgId), eq(reviewInvitations.id, id), isNull(reviewInvitations.respondedAt)))
    .returning({ id: reviewInvitations.id });
  return rows.length > 0;
}

/** Gives the customer's invitation a new link; the old one stops working. */
export async function replaceCustomerLink(tx: Db, scope: Scope, id: string, values: { tokenHash: string; expiresAt: Date; email: string | null; language: "en" | "zh-CN" }): Promise<void> {
  await tx.orm.update(reviewInvitations).set({ ...values, sentAt: null })
    .where(and(inOrg(scope, reviewInvitations.orgId), eq(reviewInvitations.id, id)));
}

export async function markSent(db: Db, scope: Scope, id: string, at: Date): Promise<void> {
  await db.orm.update(reviewInvitations).set({ sentAt: at }).where(and(inOrg(scope, reviewInvitations.orgId), eq(reviewInvitations.id, id)));
}

/** Open invitations of a person on cycles still open, oldest first. */
export async function pendingOfUser(db: Db, scope: Scope, userId: string) {
  return db.orm
    .select({ invitation: reviewInvitations, cycle: reviewCycles, accountName: accounts.name })
    .from(reviewInvitations)
    .innerJoin(reviewCycles, and(eq(reviewCycles.orgId, reviewInvitations.orgId), eq(reviewCycles.id, reviewInvitations.cycleId)))
    .innerJoin(accounts, and(eq(accounts.orgId, reviewCycles.orgId), eq(accounts.id, reviewCycles.accountId)))
    .where(and(inOrg(scope, reviewInvitations.orgId), eq(reviewInvitations.userId, userId), isNull(reviewInvitations.respondedAt), eq(reviewCycles.status, "open"), isNull(accounts.deletedAt)))
    .orderBy(asc(reviewInvitations.createdAt), asc(reviewInvitations.id))
    .limit(100);
}

/** The customer's invitation behind a link hash, with what the public page shows. */
export async function findByTokenHash(db: Db, scope: Scope, hash: string, options: { forUpdate?: boolean } = {}) {
  const query = db.orm
    .select({ invitation: reviewInvitations, cycle: reviewCycles, organizationName: organizations.name })
    .from(reviewInvitations)
    .innerJoin(reviewCycles, and(eq(reviewCycles.orgId, reviewInvitations.orgId), eq(reviewCycles.id, reviewInvitations.cycleId)))
    .innerJoin(organizations, eq(organizations.id, reviewInvitations.orgId))
    .where(and(inOrg(scope, reviewInvitations.orgId), eq(reviewInvitations.tokenHash, hash), eq(reviewInvitations.view, "customer" satisfies ReviewView)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: reviewInvitations }) : await query;
  return row;
}
