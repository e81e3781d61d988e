import type { TListInteractionsQuery } from "@openkam/contracts";
import { accounts, contacts, interactionContacts, interactions, interactionUsers, memberships, type Db } from "@openkam/db";
import { and, eq, gte, ilike, inArray, isNull, lt, getTableColumns, sql, type SQL } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";
import { visibleInteraction } from "./interactions.policy";

export type InteractionRow = typeof interactions.$inferSelect;
export type NewInteractionRow = typeof interactions.$inferInsert;
export interface Attendees {
  contactIds: string[];
  userIds: string[];
}

const SORTS: Record<TListInteractionsQuery["sort"], SortKey> = {
  occurredAt: { expr: sql`${interactions.occurredAt}`, type: "timestamptz", desc: false },
  "-occurredAt": { expr: sql`${interactions.occurredAt}`, type: "timestamptz", desc: true },
  createdAt: { expr: sql`${interactions.createdAt}`, type: "timestamptz", desc: false },
  "-createdAt": { expr: sql`${interactions.createdAt}`, type: "timestamptz", desc: true },
};

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function visible(scope: Scope): SQL {
  return and(inOrg(scope, interactions.orgId), visibleInteraction(scope))!;
}

export async function listInteractions(db: Db, scope: Scope, query: TListInteractionsQuery) {
  const sort = SORTS[query.sort];
  const types = asList(query.type);
  const where = and(
    visible(scope),
    query.accountId ? eq(interactions.accountId, query.accountId) : undefined,
    types ? inArray(interactions.type, types) : undefined,
    query.from ? gte(interactions.occurredAt, new Date(query.from)) : undefined,
    query.to ? lt(interactions.occurredAt, new Date(query.to)) : undefined,
    query.q ? ilike(interactions.subject, likePattern(query.q)) : undefined,
    afterCursor(sort, interactions.id, query.cursor),
  );
  return db.orm
    .select({ ...getTableColumns(interactions), accountName: accounts.name, sortKey: sql<string>`(${sort.expr})::text` })
    .from(interactions)
    .innerJoin(accounts, and(eq(accounts.orgId, interactions.orgId), eq(accounts.id, interactions.accountId)))
    .where(where)
    .orderBy(...orderBy(sort, interactions.id))
    .limit(query.limit + 1);
}

export async function findInteraction(db: Db, scope: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<InteractionRow | undefined> {
  const query = db.orm.select().from(interactions).where(and(visible(scope), eq(interactions.id, id))).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** The attendees of several interactions at once (two queries, whatever the page size). */
export async function attendeesOf(db: Db, scope: Scope, ids: readonly string[]): Promise<Map<string, Attendees>> {
  const result = new Map<string, Attendees>(ids.map((id) => [id, { contactIds: [], userIds: [] }]));
  if (ids.length === 0) return result;
  const cs = await db.orm.select().from(interactionContacts)
    .where(and(inOrg(scope, interactionContacts.orgId), inArray(interactionContacts.interactionId, [...ids])))
    .orderBy(interactionContacts.contactId);
  const us = await db.orm.select().from(interactionUsers)
    .where(and(inOrg(scope, interactionUsers.orgId), inArray(interactionUsers.interactionId, [...ids])))
    .orderBy(interactionUsers.userId);
  for (const c of cs) result.get(c.interactionId)?.contactIds.push(c.contactId);
  for (const u of us) result.get(u.interactionId)?.userIds.push(u.userId);
  return result;
}

export async function insertInteraction(tx: Db, scope: Scope, values: Omit<NewInteractionRow, "orgId">): Promise<InteractionRow> {
  inOrg(scope, interactions.orgId);
  const [row] = await tx.orm.insert(interactions).values({ ...values, orgId: scope.orgId }).returning();
  return row!;
}

/** Replaces the attending contacts and/or users (an undefined list is left as it is). */
export async function setAttendees(tx: Db, scope: Scope, interactionId: string, attendees: Partial<Attendees>): Promise<void> {
  if (attendees.contactIds) {
    await tx.orm.delete(interactionContacts).where(and(inOrg(scope, interactionContacts.orgId), eq(interactionContacts.interactionId, interactionId)));
    if (attendees.contactIds.length > 0) {
      await tx.orm.insert(interactionContacts).values(attendees.contactIds.map((contactId) => ({ orgId: scope.orgId, interactionId, contactId })));
    }
  }
  if (attendees.userIds) {
    await tx.orm.delete(interactionUsers).where(and(inOrg(scope, interactionUsers.orgId), eq(interactionUsers.interactionId, interactionId)));
    if (attendees.userIds.length > 0) {
      await tx.orm.insert(interactionUsers).values(attendees.userIds.map((userId) => ({ orgId: scope.orgId, interactionId, userId })));
    }
  }
}

/** Applies a patch only if the row still has the expected version; undefined when stale. */
export async function updateInteraction(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<NewInteractionRow>): Promise<InteractionRow | undefined> {
  const { orgId: _o, id: _i, version: _v, ...safe } = patch;
  const [row] = await tx.orm
    .update(interactions)
    .set({ ...safe, version: sql`${interactions.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, interactions.orgId), eq(interactions.id, id), eq(interactions.version, expectedVersion)))
    .returning();
  return row;
}

/** Deletes the interaction; its attendee rows go with it (on delete cascade). */
export async function deleteInteraction(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(interactions).where(and(inOrg(scope, interactions.orgId), eq(interactions.id, id)));
}

/** The ids among `ids` that are live contacts of the account. */
export async function contactsOfAccount(db: Db, scope: Scope, accountId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.orm
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.accountId, accountId), isNull(contacts.deletedAt), inArray(contacts.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/** The ids among `ids` that are active members of the organization. */
export async function activeMembers(db: Db, scope: Scope, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.orm
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.isActive, true), inArray(memberships.userId, [...ids])));
  return new Set(rows.map((r) => r.id));
}
