import type { TListContactsQuery } from "@openkam/contracts";
import { byNameKey, contacts, stakeholderRelationships, withNameKey, type Db } from "@openkam/db";
import { and, count, eq, getTableColumns, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";
import { visibleContact } from "./contacts.policy";

export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = typeof contacts.$inferInsert;

const SORTS: Record<TListContactsQuery["sort"], SortKey> = {
  name: { expr: byNameKey(contacts.nameKey), type: "text", desc: false },
  "-name": { expr: byNameKey(contacts.nameKey), type: "text", desc: true },
  updatedAt: { expr: sql`${contacts.updatedAt}`, type: "timestamptz", desc: false },
  "-updatedAt": { expr: sql`${contacts.updatedAt}`, type: "timestamptz", desc: true },
  createdAt: { expr: sql`${contacts.createdAt}`, type: "timestamptz", desc: false },
  "-createdAt": { expr: sql`${contacts.createdAt}`, type: "timestamptz", desc: true },
};

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** Contacts the scope can see, not deleted (or only deleted ones). */
function visible(scope: Scope, deleted = false): SQL {
  return and(inOrg(scope, contacts.orgId), deleted ? isNotNull(contacts.deletedAt) : isNull(contacts.deletedAt), visibleContact(scope))!;
}

export async function listContacts(db: Db, scope: Scope, query: TListContactsQuery) {
  const sort = SORTS[query.sort];
  const roles = asList(query.buyingRole);
  const where = and(
    visible(scope, query.deleted === true),
    query.deleted === true ? sql`${contacts.deletedAt} > now() - interval '30 days'` : undefined,
    query.accountId ? eq(contacts.accountId, query.accountId) : undefined,
    roles ? inArray(contacts.buyingRole, roles) : undefined,
    query.q ? or(ilike(contacts.name, likePattern(query.q)), ilike(contacts.email, likePattern(query.q))) : undefined,
    afterCursor(sort, contacts.id, query.cursor),
  );
  return db.orm
    .select({ ...getTableColumns(contacts), sortKey: sql<string>`(${sort.expr})::text` })
    .from(contacts)
    .where(where)
    .orderBy(...orderBy(sort, contacts.id))
    .limit(query.limit + 1);
}

export async function findContact(db: Db, scope: Scope, id: string, options: { deleted?: boolean } = {}): Promise<ContactRow | undefined> {
  const [row] = await db.orm.select().from(contacts).where(and(visible(scope, options.deleted), eq(contacts.id, id))).limit(1);
  return row;
}

/** Locks the row for the rest of the transaction (read-modify-write). */
export async function findContactForUpdate(tx: Db, scope: Scope, id: string, options: { deleted?: boolean } = {}): Promise<ContactRow | undefined> {
  const [row] = await tx.orm.select().from(contacts).where(and(visible(scope, options.deleted), eq(contacts.id, id))).limit(1).for("update");
  return row;
}

export async function insertContact(tx: Db, scope: Scope, values: Omit<NewContactRow, "orgId">): Promise<ContactRow> {
  inOrg(scope, contacts.orgId);
  const [row] = await tx.orm.insert(contacts).values(withNameKey({ ...values, orgId: scope.orgId })).returning();
  return row!;
}

/** Applies a patch only if the row still has the expected version; undefined when stale. */
export async function updateContact(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<NewContactRow>): Promise<ContactRow | undefined> {
  const { orgId: _o, id: _i, version: _v, nameKey: _k, ...safe } = patch;
  const [row] = await tx.orm
    .update(contacts)
    .set({ ...withNameKey(safe), version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.id, id), eq(contacts.version, expectedVersion)))
    .returning();
  return row;
}

export async function setDeleted(tx: Db, scope: Scope, id: string, deleted: boolean): Promise<ContactRow | undefined> {
  const [row] = await tx.orm
    .update(contacts)
    .set({ deletedAt: deleted ? sql`now()` : null, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.id, id)))
    .returning();
  return row;
}

/**
 * Whether `selfId` is `managerId` or one of its managers, walking the whole
 * reporting chain of the organization (deleted contacts included, since they
 * can come back).
 */
export async function isInManagementChain(tx: Db, scope: Scope, managerId: string, selfId: string): Promise<boolean> {
  inOrg(scope, contacts.orgId);
  const [hit] = await tx.rows<{ hit: boolean }>(sql`
    with recursive chain(id, depth) as (
      select cast(${managerId} as uuid), 0
      union all
      select c.reports_to_contact_id, chain.depth + 1 from chain join ${contacts} c on c.org_id = ${scope.orgId} and c.id = chain.id
      where c.reports_to_contact_id is not null and chain.depth < 100)
    select exists (select 1 from chain where id = ${selfId}) as hit`);
  return hit?.hit === true;
}

/** How many contacts (deleted ones included) report to this one. */
export async function countDirectReports(tx: Db, scope: Scope, id: string): Promise<number> {
  const [row] = await tx.orm
    .select({ n: count() })
    .from(contacts)
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.reportsToContactId, id)));
  return Number(row?.n ?? 0);
}

export type RelationshipRow = typeof stakeholderRelationships.$inferSelect;

/** The relationships our people have with a contact, locked for the rest of the transaction. */
export async function listRelationshipsForUpdate(tx: Db, scope: Scope, contactId: string): Promise<RelationshipRow[]> {
  return tx.orm
    .select()
    .from(stakeholderRelationships)
    .where(and(inOrg(scope, stakeholderRelationships.orgId), eq(stakeholderRelationships.contactId, contactId)))
    .orderBy(stakeholderRelationships.userId)
    .for("update");
}

/** The live contacts who report directly to this one, locked for the rest of the transaction. */
export async function listDirectReportsForUpdate(tx: Db, scope: Scope, id: string): Promise<ContactRow[]> {
  return tx.orm
    .select()
    .from(contacts)
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.reportsToContactId, id), isNull(contacts.deletedAt)))
    .orderBy(contacts.id)
    .for("update");
}

export async function deleteRelationship(tx: Db, scope: Scope, contactId: string, userId: string): Promise<void> {
  await tx.orm
    .delete(stakeholderRelationships)
    .where(and(inOrg(scope, stakeholderRelationships.orgId), eq(stakeholderRelationships.contactId, contactId), eq(stakeholderRelationships.userId, userId)));
}

/**
 * Gives a relationship to another contact. When the same person already knows that contact, the
 * two merge: the stronger strength and the later meeting win, notes are kept side by side.
 */
export async function mergeRelationshipInto(tx: Db, scope: Scope, from: RelationshipRow, toContactId: string): Promise<RelationshipRow> {
  inOrg(scope, stakeholderRelationships.orgId);
  const r = stakeholderRelationships;
  const [row] = await tx.orm
    .insert(r)
    .values({ orgId: scope.orgId, contactId: toContactId, userId: from.userId, strength: from.strength, lastMetAt: from.lastMetAt, notes: from.notes })
    .onConflictDoUpdate({
      target: [r.orgId, r.contactId, r.userId],
      set: {
        strength: sql`greatest(${r.strength}, excluded.strength)`,
        lastMetAt: sql`greatest(${r.lastMetAt}, excluded.last_met_at)`,
        notes: sql`nullif(concat_ws(E'\n\n', ${r.notes}, excluded.notes), '')`,
        version: sql`${r.version} + 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return row!;
}

/** Points a contact at a new manager without a version check: the caller holds its row lock. */
export async function setReportsTo(tx: Db, scope: Scope, id: string, reportsToContactId: string | null): Promise<ContactRow> {
  const [row] = await tx.orm
    .update(contacts)
    .set({ reportsToContactId, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.id, id)))
    .returning();
  return row!;
}
