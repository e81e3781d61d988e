import type { OrgRole } from "@openkam/domain";
import type { TListUsersQuery } from "@openkam/contracts";
import { byNameKey, memberships, sessions, users, withNameKey, type Db } from "@openkam/db";
import { and, asc, eq, ilike, ne, or, sql } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";

/** A person seen through their membership of the scope's organization. */
export interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: OrgRole;
  isActive: boolean;
  createdAt: Date;
  version: number;
}

export type UserRow = typeof users.$inferSelect;

const BY_NAME: SortKey = { expr: byNameKey(users.nameKey), type: "text", desc: false };

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  isActive: memberships.isActive,
  createdAt: memberships.createdAt,
  version: memberships.version,
};

export async function listMembers(db: Db, scope: Scope, query: TListUsersQuery) {
  const where = and(
    inOrg(scope, memberships.orgId),
    query.active === undefined ? undefined : eq(memberships.isActive, query.active),
    query.q ? or(ilike(users.name, likePattern(query.q)), ilike(users.email, likePattern(query.q))) : undefined,
    afterCursor(BY_NAME, users.id, query.cursor),
  );
  return db.orm
    .select({ ...memberColumns, sortKey: sql<string>`(${BY_NAME.expr})::text` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(...orderBy(BY_NAME, users.id))
    .limit(query.limit + 1);
}

export async function findMember(db: Db, scope: Scope, userId: string, options: { forUpdate?: boolean } = {}): Promise<MemberRow | undefined> {
  const query = db.orm
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.userId, userId)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: memberships }) : await query;
  return row;
}

/**
 * Locks the organization's active admin memberships, always in the same
 * order, so concurrent demotions queue up instead of both seeing "another
 * admin is left" and leaving none.
 */
export async function lockActiveAdmins(tx: Db, scope: Scope): Promise<string[]> {
  const rows = await tx.orm
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.role, "admin"), eq(memberships.isActive, true)))
    .orderBy(asc(memberships.userId))
    .for("update");
  return rows.map((r) => r.userId);
}

export async function insertMembership(tx: Db, scope: Scope, userId: string, role: OrgRole): Promise<void> {
  inOrg(scope, memberships.orgId);
  await tx.orm.insert(memberships).values({ orgId: scope.orgId, userId, role });
}

/** Applies the patch only at the expected version; undefined when stale. */
export async function updateMembership(tx: Db, scope: Scope, userId: string, expectedVersion: number, patch: { role?: OrgRole; isActive?: boolean }) {
  const [row] = await tx.orm
    .update(memberships)
    .set({ ...patch, version: sql`${memberships.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.userId, userId), eq(memberships.version, expectedVersion)))
    .returning({ userId: memberships.userId });
  return row;
}

/** Active members, for owner and assignee pickers. */
export async function listActiveMemberNames(db: Db, scope: Scope) {
  return db.orm
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.isActive, true), eq(users.isActive, true)))
    .orderBy(byNameKey(users.nameKey), asc(users.id));
}

// People (the users table) are not tenant-owned: one person can belong to
// several organizations. The queries below are keyed by the person, never
// used to list anyone, and reached only through a membership check or the
// signed-in user's own id.

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.orm.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())).limit(1);
  return row;
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.orm.select().from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

export async function insertUser(tx: Db, values: { id: string; email: string; name: string; passwordHash: string }): Promise<UserRow> {
  const [row] = await tx.orm.insert(users).values(withNameKey(values)).returning();
  return row!;
}

export async function updateUser(tx: Db, userId: string, expectedVersion: number, patch: { name?: string; locale?: string | null; passwordHash?: string }) {
  const [row] = await tx.orm
    .update(users)
    .set({ ...withNameKey(patch), version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), eq(users.version, expectedVersion)))
    .returning();
  return row;
}

/** After a password change: every session of the person, in every organization, ends except the one that made the change. */
export async function deleteOtherSessions(tx: Db, userId: string, keepTokenHash: string | null): Promise<void> {
  await tx.orm.delete(sessions).where(and(eq(sessions.userId, userId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined));
}

