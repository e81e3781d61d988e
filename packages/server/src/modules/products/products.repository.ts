import type { TListProductsQuery } from "@openkam/contracts";
import { byNameKey, orderLines, products, withNameKey, type Db } from "@openkam/db";
import { and, eq, getTableColumns, ilike, or, sql } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;

const SORTS: Record<TListProductsQuery["sort"], SortKey> = {
  name: { expr: byNameKey(products.nameKey), type: "text", desc: false },
  "-name": { expr: byNameKey(products.nameKey), type: "text", desc: true },
  sku: { expr: sql`${products.sku}`, type: "text", desc: false },
  "-sku": { expr: sql`${products.sku}`, type: "text", desc: true },
  updatedAt: { expr: sql`${products.updatedAt}`, type: "timestamptz", desc: false },
  "-updatedAt": { expr: sql`${products.updatedAt}`, type: "timestamptz", desc: true },
};

export async function listProducts(db: Db, scope: Scope, query: TListProductsQuery) {
  const sort = SORTS[query.sort];
  const where = and(
    inOrg(scope, products.orgId),
    query.category ? eq(products.category, query.category) : undefined,
    query.isActive === undefined ? undefined : eq(products.isActive, query.isActive),
    query.q ? or(ilike(products.name, likePattern(query.q)), ilike(products.sku, likePattern(query.q))) : undefined,
    afterCursor(sort, products.id, query.cursor),
  );
  return db.orm
    .select({ ...getTableColumns(products), sortKey: sql<string>`(${sort.expr})::text` })
    .from(products)
    .where(where)
    .orderBy(...orderBy(sort, products.id))
    .limit(query.limit + 1);
}

export async function findProduct(db: Db, scope: Scope, id: string): Promise<ProductRow | undefined> {
  const [row] = await db.orm.select().from(products).where(and(inOrg(scope, products.orgId), eq(products.id, id))).limit(1);
  return row;
}

/** Locks the row for the rest of the transaction (read-modify-write). */
export async function findProductForUpdate(tx: Db, scope: Scope, id: string): Promise<ProductRow | undefined> {
  const [row] = await tx.orm.select().from(products).where(and(inOrg(scope, products.orgId), eq(products.id, id))).limit(1).for("update");
  return row;
}

export async function insertProduct(tx: Db, scope: Scope, values: Omit<NewProductRow, "orgId">): Promise<ProductRow> {
  inOrg(scope, products.orgId);
  const [row] = await tx.orm.insert(products).values(withNameKey({ ...values, orgId: scope.orgId })).returning();
  return row!;
}

/** Applies a patch only if the row still has the expected version; undefined when stale. */
export async function updateProduct(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<NewProductRow>): Promise<ProductRow | undefined> {
  const { orgId: _o, id: _i, version: _v, nameKey: _k, ...safe } = patch;
  const [row] = await tx.orm
    .update(products)
    .set({ ...withNameKey(safe), version: sql`${products.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, products.orgId), eq(products.id, id), eq(products.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteProduct(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(products).where(and(inOrg(scope, products.orgId), eq(products.id, id)));
}

/** Whether any order line (of any order, deleted ones included) sells this product. */
export async function isProductOrdered(tx: Db, scope: Scope, id: string): Promise<boolean> {
  const [row] = await tx.orm
    .select({ one: sql<number>`1` })
    .from(orderLines)
    .where(and(inOrg(scope, orderLines.orgId), eq(orderLines.productId, id)))
    .limit(1);
  return row !== undefined;
}
