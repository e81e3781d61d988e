import type { OrgRole } from "@openkam/domain";
import { apiTokens, loginAttempts, memberships, newId, organizations, sessions, users, type Db } from "@openkam/db";
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";

export interface ResolvedSession {
  orgId: string;
  userId: string;
  role: OrgRole;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** A live session: not expired, user and membership active. One query per request. */
export async function findLiveSession(db: Db, tokenHash: string): Promise<ResolvedSession | undefined> {
  const [row] = await db.orm
    .select({ orgId: sessions.orgId, userId: sessions.userId, role: memberships.role, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(memberships, and(eq(memberships.orgId, sessions.orgId), eq(memberships.userId, sessions.userId)))
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), eq(memberships.isActive, true), eq(users.isActive, true)))
    .limit(1);
  return row;
}

export async function touchSession(db: Db, tokenHash: string, idleTimeoutDays: number): Promise<void> {
  await db.orm
    .update(sessions)
    .set({ lastSeenAt: sql`now()`, expiresAt: sql`least(${sessions.createdAt} + interval '30 days', now() + make_interval(days => ${idleTimeoutDays}))` })
    .where(eq(sessions.tokenHash, tokenHash));
}

export interface ResolvedToken {
  id: string;
  orgId: string;
  userId: string;
  role: OrgRole;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

export async function findLiveToken(db: Db, tokenHash: string): Promise<ResolvedToken | undefined> {
  const [row] = await db.orm
    .select({ id: apiTokens.id, orgId: apiTokens.orgId, userId: apiTokens.userId, role: apiTokens.role, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .innerJoin(memberships, and(eq(memberships.orgId, apiTokens.orgId), eq(memberships.userId, apiTokens.userId)))
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(
      eq(apiTokens.tokenHash, tokenHash),
      isNull(apiTokens.revokedAt),
      or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      eq(memberships.isActive, true),
      eq(users.isActive, true),
    ))
    .limit(1);
  return row;
}

export async function markTokenUsed(db: Db, orgId: string, id: string): Promise<void> {
  await db.orm.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.orm.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())).limit(1);
  return row;
}

export async function listActiveMemberships(db: Db, userId: string) {
  return db.orm
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.isActive, true)))
    .orderBy(asc(organizations.name));
}

export async function insertSession(db: Db, values: { tokenHash: string; orgId: string; userId: string; csrfToken: string; expiresAt: Date; userAgent: string | null }) {
  await db.orm.insert(sessions).values(values);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.orm.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session and token of a user in one organization (role change, deactivation). */
export async function revokeUserAccess(db: Db, orgId: string, userId: string): Promise<void> {
  await db.orm.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId)));
  await db.orm.update(apiTokens).set({ revokedAt: sql`now()` }).where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

export async function recordLoginAttempt(db: Db, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.orm.insert(loginAttempts).values({ id: newId(), email: email.toLowerCase(), ip, succeeded });
}

/** Failed attempts in the window, by e-mail and by client address. */
export async function countRecentFailures(db: Db, email: string, ip: string, windowMinutes: number) {
  const since = sql`now() - make_interval(mins => ${windowMinutes})`;
  const [row] = await db.rows<{ by_email: number; by_ip: number }>(sql`
    select
      count(*) filter (where lower(email) = ${email.toLowerCase()})::int as by_email,
      count(*) filter (where ip = ${ip})::int as by_ip
    from ${loginAttempts}
    where not succeeded and at > ${since} and (lower(email) = ${email.toLowerCase()} or ip = ${ip})`);
  return { byEmail: row?.by_email ?? 0, byIp: row?.by_ip ?? 0 };
}

export async function findOrganization(db: Db, orgId: string) {
  const [row] = await db.orm.select().from(organizations).where(eq(organizations.id, orgId)).limit(1);
  return row;
}

export async function findUser(db: Db, userId: string) {
  const [row] = await db.orm.select().from(users).where(eq(users.id, userId)).limit(1);
  return row;
}
