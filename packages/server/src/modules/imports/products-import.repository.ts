import { IMPORT_REQUIRED_FIELDS } from "@openkam/contracts";
import { newId, products, type Db } from "@openkam/db";
import { sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { countLines, nameKeys, param, updateSet, type EntityImporter, type Group } from "./imports.entity";
import type { ProductRow } from "./imports.rows";

const COLUMNS = { name: "name", category: "category", unit: "unit", list_price: "list_price", currency: "currency", is_active: "is_active" };

async function upsertProducts(tx: Db, scope: Scope, rows: ProductRow[], present: ReadonlySet<string>) {
  inOrg(scope, products.orgId);
  const col = <K extends keyof ProductRow>(k: K) => param(rows.map((row) => row[k] ?? null));
  await tx.rows(sql`
    insert into ${products} as t (org_id, id, sku, name, name_key, category, unit, list_price, currency, is_active)
    select ${scope.orgId}::uuid, u.id, u.sku, u.name, u.name_key, u.category, coalesce(u.unit, 'each'), u.list_price, u.currency, coalesce(u.is_active, true)
    from unnest(${param(rows.map(() => newId()))}::uuid[], ${col("sku")}::text[], ${col("name")}::text[], ${col("category")}::text[],
      ${col("unit")}::text[], ${col("list_price")}::numeric[], ${col("currency")}::text[], ${col("is_active")}::boolean[],
      ${nameKeys(rows.map((row) => row.name))}::text[])
      as u(id, sku, name, category, unit, list_price, currency, is_active, name_key)
    on conflict (org_id, sku) do update set ${updateSet(present, COLUMNS)}, version = t.version + 1, updated_at = now()`);
}

/** Products are identified by their sku (they have no external id). */
export const productsImporter: EntityImporter<ProductRow> = {
  entity: "products",
  keyField: "sku",
  requiredFields: IMPORT_REQUIRED_FIELDS.products,

  prepare(run, groups: Array<Group<ProductRow>>) {
    return Promise.resolve({
      accepted: countLines(groups),
      rejections: [],
      write: (tx: Db) => upsertProducts(tx, run.scope, groups.map((g) => g.values[0]!), run.present),
    });
  },
};
