import { mailDeliveries, memberships, notificationPreferences, users, type Db } from "@openkam/db";
import type { OrgRole } from "@openkam/domain";
import { and, eq, ne, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export interface ReminderRecipient {
  userId: string;
  role: OrgRole;
  email: string;
  name: string;
  locale: string | null;
  wantsEmail: boolean;
}

/** Active people who work accounts (viewers keep no cadence), with their e-mail preference. */
export async function listReminderRecipients(db: Db, scope: Scope): Promise<ReminderRecipient[]> {
  return db.orm
    .select({
      userId: memberships.userId,
      role: memberships.role,
      email: users.email,
      name: users.name,
      locale: users.locale,
      wantsEmail: sql<boolean>`coalesce(${notificationPreferences.cadenceReminderEmail}, true)`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.orgId, memberships.orgId), eq(notificationPreferences.userId, memberships.userId)))
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.isActive, true), eq(users.isActive, true), ne(memberships.role, "viewer")))
    .orderBy(memberships.userId);
}

/** A sender that died mid-send leaves a `sending` row; after this long another may take it over. */
const SENDING_LEASE = sql.raw("interval '10 minutes'");

/**
 * Takes the right to send one e-mail: true for exactly one caller per (user, kind, key), however
 * many run at once. A failed attempt, or one abandoned mid-send, can be taken again; a sent one never.
 */
export async function claimDelivery(db: Db, scope: Scope, key: { userId: string; kind: string; dedupeKey: string; recipient: string }): Promise<boolean> {
  inOrg(scope, mailDeliveries.orgId);
  const rows = await db.orm
    .insert(mailDeliveries)
    .values({ orgId: scope.orgId, ...key, status: "sending" })
    .onConflictDoUpdate({
      target: [mailDeliveries.orgId, mailDeliveries.userId, mailDeliveries.kind, mailDeliveries.dedupeKey],
      set: { status: "sending", attemptedAt: sql`now()`, error: null, recipient: key.recipient },
      setWhere: sql`${mailDeliveries.status} = 'failed' or (${mailDeliveries.status} = 'sending' and ${mailDeliveries.attemptedAt} < now() - ${SENDING_LEASE})`,
    })
    .returning({ userId: mailDeliveries.userId });
  return rows.length > 0;
}

export async function finishDelivery(db: Db, scope: Scope, key: { userId: string; kind: string; dedupeKey: string }, result: { messageId: string } | { error: string }) {
  await db.orm
    .update(mailDeliveries)
    .set("messageId" in result
      ? { status: "sent", sentAt: sql`now()`, messageId: result.messageId }
      : { status: "failed", error: result.error.slice(0, 2000) })
    .where(and(
      inOrg(scope, mailDeliveries.orgId),
      eq(mailDeliveries.userId, key.userId),
      eq(mailDeliveries.kind, key.kind),
      eq(mailDeliveries.dedupeKey, key.dedupeKey),
    ));
}
