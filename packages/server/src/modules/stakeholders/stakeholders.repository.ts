import { byNameKey, contacts, interactionContacts, interactions, memberships, stakeholderRelationships, users, type Db } from "@openkam/db";
import type { BuyingRole } from "@openkam/domain";
import { and, eq, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type RelationshipRow = typeof stakeholderRelationships.$inferSelect;

const ISO_INSTANT = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);
/** Both drivers return timestamps differently; an ISO string in UTC reads the same on both. */
const isoOf = (column: unknown) => sql`to_char(${column} at time zone 'UTC', ${ISO_INSTANT})`;

export interface MapContactRow {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  buyingRole: BuyingRole | null;
  influence: number | null;
  attitude: number | null;
  reportsToContactId: string | null;
  /** The last past interaction the contact attended, ISO; null when none. */
  attendedAt: string | null;
}

/**
 * The live contacts of an account, each with the last past interaction it attended: one
 * statement, the attendance aggregated in one pass over the account's interactions (planned
 * ones, dated after `now`, are not meetings yet). The caller has checked that the account is visible.
 */
export async function listMapContacts(db: Db, scope: Scope, accountId: string, now: Date): Promise<MapContactRow[]> {
  const rows = await db.rows<Omit<MapContactRow, "influence" | "attitude"> & { influence: number | string | null; attitude: number | string | null }>(sql`
    select ${contacts.id} as "id", ${contacts.name} as "name", ${contacts.title} as "title", ${contacts.department} as "department",
      ${contacts.buyingRole} as "buyingRole", ${contacts.influence} as "influence", ${contacts.attitude} as "attitude",
      ${contacts.reportsToContactId} as "reportsToContactId", ${isoOf(sql`attended.at`)} as "attendedAt"
    from ${contacts}
    left join (
      select ${interactionContacts.contactId} as contact_id, max(${interactions.occurredAt}) as at
      from ${interactions}
      join ${interactionContacts} on ${interactionContacts.orgId} = ${interactions.orgId} and ${interactionContacts.interactionId} = ${interactions.id}
      where ${inOrg(scope, interactions.orgId)} and ${interactions.accountId} = ${accountId} and ${interactions.occurredAt} <= ${now.toISOString()}
      group by ${interactionContacts.contactId}
    ) attended on attended.contact_id = ${contacts.id}
    where ${inOrg(scope, contacts.orgId)} and ${contacts.accountId} = ${accountId} and ${contacts.deletedAt} is null
    order by ${byNameKey(contacts.nameKey)}, ${contacts.id}`);
  return rows.map((row) => ({
    ...row,
    influence: row.influence === null ? null : Number(row.influence),
    attitude: row.attitude === null ? null : Number(row.attitude),
  }));
}

export interface MapRelationshipRow {
  contactId: string;
  userId: string;
  userName: string;
  strength: number;
  lastMetAt: string | null;
  version: number;
}

/**
 * The relationships with the live contacts of an account, in one statement. Those of people
 * no longer active in the organization are left out: a relationship that left with its owner
 * covers nothing.
 */
export async function listMapRelationships(db: Db, scope: Scope, accountId: string): Promise<MapRelationshipRow[]> {
  const r = stakeholderRelationships;
  const rows = await db.rows<Omit<MapRelationshipRow, "strength" | "version"> & { strength: number | string; version: number | string }>(sql`
    select ${r.contactId} as "contactId", ${r.userId} as "userId", ${users.name} as "userName", ${r.strength} as "strength",
      ${isoOf(r.lastMetAt)} as "lastMetAt", ${r.version} as "version"
    from ${r}
    join ${contacts} on ${contacts.orgId} = ${r.orgId} and ${contacts.id} = ${r.contactId}
    join ${memberships} on ${memberships.orgId} = ${r.orgId} and ${memberships.userId} = ${r.userId}
    join ${users} on ${users.id} = ${r.userId}
    where ${inOrg(scope, r.orgId)} and ${contacts.accountId} = ${accountId} and ${contacts.deletedAt} is null and ${memberships.isActive}
    order by ${r.strength} desc, ${byNameKey(users.nameKey)}, ${r.userId}`);
  return rows.map((row) => ({ ...row, strength: Number(row.strength), version: Number(row.version) }));
}

const byKey = (scope: Scope, contactId: string, userId: string) =>
  and(inOrg(scope, stakeholderRelationships.orgId), eq(stakeholderRelationships.contactId, contactId), eq(stakeholderRelationships.userId, userId));

/** Locks the relationship, when there is one, for the rest of the transaction. */
export async function findRelationshipForUpdate(tx: Db, scope: Scope, contactId: string, userId: string): Promise<RelationshipRow | undefined> {
  const [row] = await tx.orm.select().from(stakeholderRelationships).where(byKey(scope, contactId, userId)).limit(1).for("update");
  return row;
}

interface RelationshipValues {
  strength: number;
  lastMetAt: Date | null;
  notes: string | null;
}

/** Undefined when someone else recorded the same relationship at the same moment. */
export async function insertRelationship(tx: Db, scope: Scope, contactId: string, userId: string, values: RelationshipValues): Promise<RelationshipRow | undefined> {
  inOrg(scope, stakeholderRelationships.orgId);
  const [row] = await tx.orm
    .insert(stakeholderRelationships)
    .values({ orgId: scope.orgId, contactId, userId, ...values })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Undefined when the version is stale. */
export async function updateRelationship(tx: Db, scope: Scope, contactId: string, userId: string, expectedVersion: number, values: RelationshipValues): Promise<RelationshipRow | undefined> {
  const [row] = await tx.orm
    .update(stakeholderRelationships)
    .set({ ...values, version: sql`${stakeholderRelationships.version} + 1`, updatedAt: sql`now()` })
    .where(and(byKey(scope, contactId, userId), eq(stakeholderRelationships.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteRelationship(tx: Db, scope: Scope, contactId: string, userId: string): Promise<void> {
  await tx.orm.delete(stakeholderRelationships).where(byKey(scope, contactId, userId));
}

export interface ReportingLineRow {
  id: string;
  name: string;
  reportsToContactId: string | null;
}

/**
 * The reporting lines of an account's contacts, deleted ones included since they can come back
 * and bring their lines with them.
 */
export async function listReportingLines(db: Db, scope: Scope, accountId: string): Promise<ReportingLineRow[]> {
  return db.orm
    .select({ id: contacts.id, name: contacts.name, reportsToContactId: contacts.reportsToContactId })
    .from(contacts)
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.accountId, accountId)));
}
