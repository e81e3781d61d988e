import { accounts, notificationPreferences, notifications, users, type Db } from "@openkam/db";
import { and, count, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, "orgId">;

/**
 * Adds notifications; one whose (user, dedupe key) is already there is skipped, which makes
 * producers safe to retry. Returns the ones inserted.
 */
export async function insertNotifications(tx: Db, scope: Scope, rows: readonly NewNotification[]): Promise<NotificationRow[]> {
  inOrg(scope, notifications.orgId);
  if (rows.length === 0) return [];
  return tx.orm
    .insert(notifications)
    .values(rows.map((row) => ({ ...row, orgId: scope.orgId })))
    .onConflictDoNothing()
    .returning();
}

/** The caller's own notifications; those about accounts they no longer see stay hidden. */
function mine(scope: Scope) {
  if (scope.userId === null) throw new Error("notifications belong to a user");
  return and(
    inOrg(scope, notifications.orgId),
    eq(notifications.userId, scope.userId),
    or(isNull(notifications.accountId), visibleAccount(scope, notifications.accountId)),
  );
}

const actors = alias(users, "actor");

export type NotificationListRow = NotificationRow & { actorName: string | null; accountName: string | null };

export async function listMyNotifications(db: Db, scope: Scope, page: { limit: number; beforeId?: string; unreadOnly?: boolean }): Promise<NotificationListRow[]> {
  return db.orm
    .select({
      orgId: notifications.orgId,
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      actorUserId: notifications.actorUserId,
      accountId: notifications.accountId,
      subjectType: notifications.subjectType,
      subjectId: notifications.subjectId,
      commentId: notifications.commentId,
      data: notifications.data,
      dedupeKey: notifications.dedupeKey,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actorName: actors.name,
      accountName: accounts.name,
    })
    .from(notifications)
    .leftJoin(actors, eq(actors.id, notifications.actorUserId))
    .leftJoin(accounts, and(eq(accounts.orgId, notifications.orgId), eq(accounts.id, notifications.accountId)))
    .where(and(mine(scope), page.unreadOnly ? isNull(notifications.readAt) : undefined, page.beforeId ? lt(notifications.id, page.beforeId) : undefined))
    .orderBy(desc(notifications.id))
    .limit(page.limit + 1);
}

export async function countMyUnread(db: Db, scope: Scope): Promise<number> {
  const [row] = await db.orm.select({ n: count() }).from(notifications).where(and(mine(scope), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the caller's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: Db, scope: Scope, id: string): Promise<boolean> {
  const rows = await db.orm
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(scope), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: Db, scope: Scope): Promise<number> {
  const rows = await db.orm
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(scope), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export type PreferencesRow = typeof notificationPreferences.$inferSelect;

export async function findPreferences(db: Db, scope: Scope, userId: string, options: { forUpdate?: boolean } = {}): Promise<PreferencesRow | undefined> {
  const query = db.orm.select().from(notificationPreferences)
    .where(and(inOrg(scope, notificationPreferences.orgId), eq(notificationPreferences.userId, userId))).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Undefined when someone else stored the first preferences at the same moment. */
export async function insertPreferences(tx: Db, scope: Scope, userId: string, values: { cadenceReminderEmail: boolean }): Promise<PreferencesRow | undefined> {
  inOrg(scope, notificationPreferences.orgId);
  const [row] = await tx.orm.insert(notificationPreferences).values({ orgId: scope.orgId, userId, ...values }).onConflictDoNothing().returning();
  return row;
}

/** Undefined when the version is stale. */
export async function updatePreferences(tx: Db, scope: Scope, userId: string, expectedVersion: number, values: { cadenceReminderEmail: boolean }): Promise<PreferencesRow | undefined> {
  const [row] = await tx.orm
    .update(notificationPreferences)
    .set({ ...values, version: sql`${notificationPreferences.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, notificationPreferences.orgId), eq(notificationPreferences.userId, userId), eq(notificationPreferences.version, expectedVersion)))
    .returning();
  return row;
}
