import { contacts, growthInitiatives, users, type Db } from "@openkam/db";
import { and, asc, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import type { InitiativeListRow } from "./growth.presenter";
import { visibleAccount } from "./growth.policy";

export type InitiativeRow = typeof growthInitiatives.$inferSelect;
export type NewInitiativeRow = typeof growthInitiatives.$inferInsert;

/** The row with the names shown beside its references. */
function named() {
  return { ...getTableColumns(growthInitiatives), customerContactName: contacts.name, ownerName: users.name };
}

export async function listInitiatives(db: Db, scope: Scope, accountId: string, id?: string): Promise<InitiativeListRow[]> {
  return db.orm
    .select(named())
    .from(growthInitiatives)
    .leftJoin(contacts, and(eq(contacts.orgId, growthInitiatives.orgId), eq(contacts.id, growthInitiatives.customerContactId)))
    .leftJoin(users, eq(users.id, growthInitiatives.ownerUserId))
    .where(and(inOrg(scope, growthInitiatives.orgId), eq(growthInitiatives.accountId, accountId), id ? eq(growthInitiatives.id, id) : sql`true`))
    .orderBy(sql`${growthInitiatives.startDate} asc nulls last`, asc(growthInitiatives.id));
}

export async function findInitiativeForUpdate(tx: Db, scope: Scope, id: string): Promise<InitiativeRow | undefined> {
  const [row] = await tx.orm.select().from(growthInitiatives)
    .where(and(inOrg(scope, growthInitiatives.orgId), eq(growthInitiatives.id, id), visibleAccount(scope, growthInitiatives.accountId)))
    .limit(1).for("update");
  return row;
}

export async function insertInitiative(tx: Db, scope: Scope, values: Omit<NewInitiativeRow, "orgId">): Promise<InitiativeRow> {
  inOrg(scope, growthInitiatives.orgId);
  const [row] = await tx.orm.insert(growthInitiatives).values({ ...values, orgId: scope.orgId }).returning();
  return row!;
}

export async function updateInitiative(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<NewInitiativeRow>) {
  const { orgId: _o, id: _i, accountId: _a, version: _v, ...safe } = patch;
  const [row] = await tx.orm.update(growthInitiatives)
    .set({ ...safe, version: sql`${growthInitiatives.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, growthInitiatives.orgId), eq(growthInitiatives.id, id), eq(growthInitiatives.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteInitiative(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(growthInitiatives).where(and(inOrg(scope, growthInitiatives.orgId), eq(growthInitiatives.id, id)));
}

/** A live contact of the account. */
export async function contactOfAccount(db: Db, scope: Scope, accountId: string, contactId: string): Promise<boolean> {
  const [row] = await db.orm.select({ id: contacts.id }).from(contacts)
    .where(and(inOrg(scope, contacts.orgId), eq(contacts.accountId, accountId), eq(contacts.id, contactId), isNull(contacts.deletedAt)))
    .limit(1);
  return row !== undefined;
}
