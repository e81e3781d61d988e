import { sql, type SQL } from "drizzle-orm";
import { customType, integer, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Column sets shared by tenant-owned tables. Every tenant-owned table starts
 * with `org_id` and has it first in its primary key and foreign keys, so the
 * schema can be distributed by `org_id` (Citus) without changes.
 */
export const orgId = () => uuid("org_id").notNull();

/** Bytes (`bytea`): a Buffer from PostgreSQL, a Uint8Array from the embedded engine. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
};

/** Optimistic concurrency: bumped on each update, exposed as the ETag. */
export const version = () => integer("version").notNull().default(1);

/** Soft deletion: rows stay restorable for 30 days. */
export const deletedAt = () => timestamp("deleted_at", { withTimezone: true, mode: "date" });

/** A check that a text column holds one of a closed list of values. */
export function oneOf(column: SQL | string, values: readonly string[]): SQL {
  const list = sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "));
  const col = typeof column === "string" ? sql.raw(`"${column}"`) : column;
  return sql`${col} in (${list})`;
}
