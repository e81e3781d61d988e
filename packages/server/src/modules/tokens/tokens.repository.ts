import { apiTokens, users, type Db } from "@openkam/db";
import { and, desc, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type TokenRow = typeof apiTokens.$inferSelect;
export type TokenWithOwnerRow = TokenRow & { ownerName: string; ownerEmail: string };

const withOwner = { ...getTableColumns(apiTokens), ownerName: users.name, ownerEmail: users.email };

/** Tokens of the organization, newest first; limited to one person's when `ownerUserId` is given. */
export async function listTokens(db: Db, scope: Scope, ownerUserId: string | null): Promise<TokenWithOwnerRow[]> {
  return db.orm
    .select(withOwner)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(inOrg(scope, apiTokens.orgId), ownerUserId ? eq(apiTokens.userId, ownerUserId) : undefined))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function findToken(db: Db, scope: Scope, id: string, ownerUserId: string | null): Promise<TokenWithOwnerRow | undefined> {
  const [row] = await db.orm
    .select(withOwner)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(inOrg(scope, apiTokens.orgId), eq(apiTokens.id, id), ownerUserId ? eq(apiTokens.userId, ownerUserId) : undefined))
    .limit(1);
  return row;
}

export async function insertToken(tx: Db, scope: Scope, values: Omit<typeof apiTokens.$inferInsert, "orgId">): Promise<TokenRow> {
  inOrg(scope, apiTokens.orgId);
  const [row] = await tx.orm.insert(apiTokens).values({ ...values, orgId: scope.orgId }).returning();
  return row!;
}

/** Revokes a live token; undefined when it was already revoked. */
export async function revokeToken(tx: Db, scope: Scope, id: string): Promise<TokenRow | undefined> {
  const [row] = await tx.orm
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(inOrg(scope, apiTokens.orgId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}
