import { IMPORT_REQUIRED_FIELDS } from "@openkam/contracts";
import { newId, orderLines, orders, raiseOrderBookRevision, type Db } from "@openkam/db";
import { sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { lineAmount, money, sumAmounts } from "../orders/orders.amounts";
import { hiddenKeys, param, rejectGroup, resolve, type EntityImporter, type Group, type ImportRun } from "./imports.entity";
import type { Rejection } from "./imports.repository";
import type { OrderRow } from "./imports.rows";

/** An order's amount: the sum of its line amounts when it has lines, else the amount given. */
export function orderAmount(rows: readonly OrderRow[], lineAmounts: readonly string[]): string {
  return rows[0]?.sku == null ? money(rows[0]!.amount!) : sumAmounts(lineAmounts);
}

interface ReadyOrder {
  rows: OrderRow[];
  accountId: string;
  productIds: string[];
  lineNos: number[];
  lineAmounts: string[];
  amount: string;
}

/** Why an order's lines do not form one order, or null when they do. */
function inconsistency(g: Group<OrderRow>): { field: string; reason: string } | null {
  const [first, ...rest] = g.values;
  for (const [i, r] of rest.entries()) {
    for (const field of ["account_external_id", "order_date", "currency"] as const) {
      if (r[field] !== first![field]) return { field, reason: `${field}: line ${g.lines[i + 1]} says ${r[field]}, the order's first line (${g.lines[0]}) says ${first![field]}` };
    }
  }
  const withSku = g.values.filter((r) => r.sku != null).length;
  if (withSku > 0 && withSku < g.values.length) return { field: "sku", reason: "sku: every line of an order with lines needs a sku" };
  if (withSku === 0 && g.values.length > 1) return { field: "external_id", reason: `external_id: ${g.key} has several rows but no lines (no sku)` };
  const nos = g.values.map((r) => r.line_no).filter((n) => n != null);
  if (new Set(nos).size !== nos.length) return { field: "line_no", reason: `line_no: repeated within order ${g.key}` };
  return null;
}

async function check(run: ImportRun, groups: Array<Group<OrderRow>>): Promise<{ ready: ReadyOrder[]; rejections: Rejection[] }> {
  const rejections: Rejection[] = [];
  const accountsByKey = await resolve(run, "account", groups.map((g) => g.values[0]!.account_external_id));
  const skus = await resolve(run, "product", groups.flatMap((g) => g.values.flatMap((r) => (r.sku ? [r.sku] : []))));
  const hidden = await hiddenKeys(run, orders, { orgId: orders.orgId, externalId: orders.externalId, accountId: orders.accountId }, groups.map((g) => g.key));
  const ready: ReadyOrder[] = [];
  for (const g of groups) {
    const first = g.values[0]!;
    const accountId = accountsByKey.get(first.account_external_id);
    const bad = inconsistency(g);
    if (bad) {
      rejections.push(...rejectGroup(run, g, bad.field, bad.reason));
    } else if (hidden.has(g.key)) {
      rejections.push(...rejectGroup(run, g, "external_id", `external_id: ${g.key} is an order of an account you cannot see`));
    } else if (!accountId) {
      rejections.push(...rejectGroup(run, g, "account_external_id", `account_external_id: no account ${first.account_external_id} (or you cannot see it)`));
    } else {
      const missing = g.values.find((r) => r.sku != null && !skus.get(r.sku));
      if (missing) {
        rejections.push(...rejectGroup(run, g, "sku", `sku: no product with sku ${missing.sku} (import the products first)`));
        continue;
      }
      const lineAmounts = first.sku == null ? [] : g.values.map((r) => lineAmount({ quantity: r.quantity!, unitPrice: r.unit_price! }));
      ready.push({
        rows: g.values,
        accountId,
        productIds: first.sku == null ? [] : g.values.map((r) => skus.get(r.sku!)!),
        lineNos: g.values.map((r, i) => r.line_no ?? i + 1),
        lineAmounts,
        amount: orderAmount(g.values, lineAmounts),
      });
    }
  }
  return { ready, rejections };
}

/**
 * Upserts orders by external_id, then replaces the lines of the orders that
 * already existed and inserts the lines of all of them: three set-based
 * statements per batch, whatever its size.
 */
async function writeOrders(tx: Db, scope: Scope, ready: ReadyOrder[], present: ReadonlySet<string>) {
  inOrg(scope, orders.orgId);
  const heads = ready.map((o) => o.rows[0]!);
  const keep = (field: string, column: string) => (present.has(field) ? `${column} = excluded.${column}` : `${column} = t.${column}`);
  const written = await tx.rows<{ id: string; external_id: string; inserted: boolean; previous_account_id: string | null }>(sql`
    insert into ${orders} as t (org_id, id, external_id, account_id, order_date, currency, amount, status, notes, created_by)
    select ${scope.orgId}::uuid, u.id, u.external_id, u.account_id, u.order_date, u.currency, u.amount, coalesce(u.status, 'confirmed'), u.notes, ${scope.userId}::uuid
    from unnest(${param(ready.map(() => newId()))}::uuid[], ${param(heads.map((h) => h.external_id))}::text[], ${param(ready.map((o) => o.accountId))}::uuid[],
      ${param(heads.map((h) => h.order_date))}::date[], ${param(heads.map((h) => h.currency))}::text[], ${param(ready.map((o) => o.amount))}::numeric[],
      ${param(heads.map((h) => h.status ?? null))}::text[], ${param(heads.map((h) => h.notes ?? null))}::text[])
      as u(id, external_id, account_id, order_date, currency, amount, status, notes)
    on conflict (org_id, external_id) do update set account_id = excluded.account_id, order_date = excluded.order_date,
      currency = excluded.currency, amount = excluded.amount, ${sql.raw(keep("status", "status"))}, ${sql.raw(keep("notes", "notes"))},
      version = t.version + 1, updated_at = now(), deleted_at = null
    returning id, external_id, (xmax = 0) as inserted,
      -- An order imported again may move to another account. The statement does not see its own writes, so this reads
      -- the order as it was before; only for updated orders, so that new ones cost no extra lookup.
      case when xmax <> 0 then (select p.account_id from ${orders} p where p.org_id = t.org_id and p.id = t.id) end as previous_account_id`);
  // Every account whose orders changed: the new ones, and those updated orders left (all, should one not be found).
  const previous = written.filter((w) => !w.inserted).map((w) => w.previous_account_id);
  const changed = previous.includes(null) ? "all" : [...new Set([...ready.map((o) => o.accountId), ...(previous as string[])])];
  await raiseOrderBookRevision(tx, scope.orgId, changed);

  const idByKey = new Map(written.map((w) => [w.external_id, w.id]));
  const replaced = written.filter((w) => !w.inserted).map((w) => w.id);
  if (replaced.length > 0) {
    await tx.rows(sql`delete from ${orderLines} where ${inOrg(scope, orderLines.orgId)} and ${orderLines.orderId} = any(${param(replaced)}::uuid[])`);
  }
  const lineOrder: string[] = [];
  const lineNo: number[] = [];
  const product: string[] = [];
  const quantity: string[] = [];
  const price: string[] = [];
  const amount: string[] = [];
  for (const o of ready) {
    if (o.productIds.length === 0) continue;
    const orderId = idByKey.get(o.rows[0]!.external_id)!;
    o.rows.forEach((r, i) => {
      lineOrder.push(orderId);
      lineNo.push(o.lineNos[i]!);
      product.push(o.productIds[i]!);
      quantity.push(r.quantity!);
      price.push(r.unit_price!);
      amount.push(o.lineAmounts[i]!);
    });
  }
  if (lineOrder.length > 0) {
    await tx.rows(sql`
      insert into ${orderLines} (org_id, order_id, line_no, product_id, quantity, unit_price, amount)
      select ${scope.orgId}::uuid, u.* from unnest(${param(lineOrder)}::uuid[], ${param(lineNo)}::int[], ${param(product)}::uuid[],
        ${param(quantity)}::numeric[], ${param(price)}::numeric[], ${param(amount)}::numeric[])
        as u(order_id, line_no, product_id, quantity, unit_price, amount)`);
  }
}

/** Orders: one row per order line; consecutive rows with the same external_id are one order. */
export const ordersImporter: EntityImporter<OrderRow> = {
  entity: "orders",
  keyField: "external_id",
  requiredFields: IMPORT_REQUIRED_FIELDS.orders,
  groupsRows: true,

  async prepare(run, groups: Array<Group<OrderRow>>) {
    const { ready, rejections } = await check(run, groups);
    return {
      accepted: ready.reduce((n, o) => n + o.rows.length, 0),
      rejections,
      write: (tx: Db) => writeOrders(tx, run.scope, ready, run.present),
    };
  },
};
