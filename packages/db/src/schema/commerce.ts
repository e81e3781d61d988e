import { ORDER_STATUSES } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { bytea, deletedAt, oneOf, orgId, timestamps, version } from "./columns";
import { organizations } from "./identity";

export const products = pgTable("products", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  sku: text("sku").notNull(),
  name: text("name").notNull(),
  /** What lists sort the name by (nameOrderKey in the domain: pinyin for Chinese), compared byte by byte. */
  nameKey: text("name_key"),
  category: text("category"),
  unit: text("unit").notNull().default("each"),
  listPrice: numeric("list_price", { precision: 18, scale: 4 }),
  currency: text("currency"),
  isActive: boolean("is_active").notNull().default(true),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  uniqueIndex("products_sku_key").on(t.orgId, t.sku),
  index("products_org_name_key_idx").on(t.orgId, sql`${t.nameKey} collate "C"`, t.id),
  check("products_currency_check", sql`${t.currency} is null or ${t.currency} ~ '^[A-Z]{3}$'`),
]);

/** Money is exact: numeric amounts (strings in TypeScript) with an ISO 4217 currency. */
export const orders = pgTable("orders", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  orderDate: date("order_date", { mode: "string" }).notNull(),
  currency: text("currency").notNull(),
  amount: numeric("amount", { precision: 18, scale: 2 }).notNull(),
  status: text("status", { enum: ORDER_STATUSES }).notNull().default("confirmed"),
  notes: text("notes"),
  externalId: text("external_id"),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
  deletedAt: deletedAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
  uniqueIndex("orders_external_id_key").on(t.orgId, t.externalId),
  index("orders_org_account_date_idx").on(t.orgId, t.accountId, t.orderDate),
  index("orders_org_date_idx").on(t.orgId, t.orderDate, t.id),
  // Revenue by date range (the programme dashboard, the KPI library) is read from this index alone, without the table.
  index("orders_org_confirmed_revenue_idx").on(t.orgId, t.orderDate, t.currency, t.accountId, t.amount).where(sql`${t.status} = 'confirmed' and ${t.deletedAt} is null`),
  check("orders_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  check("orders_status_check", oneOf("status", ORDER_STATUSES)),
]);

/**
 * A counter per organization, raised in the same transaction as every write to its orders. The account-level
 * analyses keep the order book in memory and read it again only when the counter has moved, so each API instance
 * knows its copy is current without a cross-instance message (docs/performance.md, "Identify").
 */
export const orderBookRevisions = pgTable("order_book_revisions", {
  orgId: orgId(),
  revision: bigint("revision", { mode: "number" }).notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.orgId] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
]);

/**
 * Which accounts' orders each order-book revision changed (null: any of them, as after a seed or a re-import), so a
 * process holding an older book re-reads only those accounts. Kept for the last ORDER_BOOK_CHANGES_KEPT revisions;
 * a book further behind is read whole.
 */
export const orderBookChanges = pgTable("order_book_changes", {
  orgId: orgId(),
  revision: bigint("revision", { mode: "number" }).notNull(),
  accountIds: uuid("account_ids").array(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.revision] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
]);

/**
 * The organization's order book as its last whole read found it: the revision that read saw, and each account's
 * counted orders per currency packed as the book holds them (order-book.repository.ts). A process without the book in
 * memory (a new or restarted API instance) reads these and the accounts changed since, instead of packing every order
 * again; only a whole read writes them, so they may lag behind the orders by any number of revisions.
 */
export const orderBookSnapshots = pgTable("order_book_snapshots", {
  orgId: orgId(),
  revision: bigint("revision", { mode: "number" }).notNull(),
  createdAt: timestamps.createdAt,
}, (t) => [
  primaryKey({ columns: [t.orgId] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
]);

export const orderBookSnapshotSegments = pgTable("order_book_snapshot_segments", {
  orgId: orgId(),
  accountId: uuid("account_id").notNull(),
  currency: text("currency").notNull(),
  /** The orders, 12 bytes each: the day since 1970-01-01 (int4, big-endian) and the amount in cents (float8, big-endian). */
  packed: bytea("packed").notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.accountId, t.currency] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
]);

export const orderLines = pgTable("order_lines", {
  orgId: orgId(),
  orderId: uuid("order_id").notNull(),
  lineNo: integer("line_no").notNull(),
  productId: uuid("product_id").notNull(),
  quantity: numeric("quantity", { precision: 18, scale: 4 }).notNull(),
  unitPrice: numeric("unit_price", { precision: 18, scale: 4 }).notNull(),
  amount: numeric("amount", { precision: 18, scale: 2 }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.orderId, t.lineNo] }),
  foreignKey({ columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }),
  index("order_lines_org_product_idx").on(t.orgId, t.productId),
]);
