import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../connection/database";

/**
 * Inserts many rows with one parameter: the rows as a JSON array of tuples,
 * unpacked by `json_array_elements` and cast to each column's type. Building a
 * multi-row VALUES statement with tens of thousands of parameters costs far
 * more, on the client and in the parser, than the insert itself.
 *
 * Only the columns present on the first row are written (the others take their
 * defaults), so every row must set the same columns. Array columns are not supported.
 */
export async function insertJsonRows<T extends PgTable>(db: Db, table: T, rows: readonly T["$inferInsert"][]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => (first as Record<string, unknown>)[key] !== undefined);
  const tuples = rows.map((row) =>
    columns.map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    }),
  );
  const names = columns.map(([, column]) => `"${column.name}"`).join(", ");
  const casts = columns.map(([, column], i) => `(e->>${i})::${column.getSQLType()}`).join(", ");
  await db.rows(sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${sql.raw(names)}) select ${sql.raw(casts)} from json_array_elements(${JSON.stringify(tuples)}::json) as e`);
}
