import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { invalid } from "./app-error";

/**
 * Keyset ("cursor") pagination. The cursor holds the sort key and id of the
 * last row of a page; the next page starts strictly after it, so pages stay
 * consistent while rows are added and each page costs one index range scan.
 */
export interface SortKey {
  /** The SQL expression rows are ordered by. */
  expr: SQL;
  /** The PostgreSQL type the key is compared as (it travels as text in the cursor). */
  type: "text" | "timestamptz" | "int" | "date" | "numeric";
  desc: boolean;
}

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

const KEY_SHAPES: Record<SortKey["type"], (key: string) => boolean> = {
  text: (key) => !key.includes("\u0000"),
  timestamptz: (key) => /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/.test(key) && !Number.isNaN(Date.parse(key.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"))),
  date: (key) => /^\d{4}-\d{2}-\d{2}$/.test(key) && !Number.isNaN(Date.parse(key)),
  int: (key) => /^-?\d{1,15}$/.test(key),
  numeric: (key) => /^-?\d{1,20}(\.\d{1,10})?$/.test(key),
};

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string" && /^[0-9a-f-]{36}$/i.test(value[1])) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw invalid("cursor", "This cursor is not valid; start again from the first page");
}

/** `(key, id) > (cursorKey, cursorId)` (or `<` when descending). */
export function afterCursor(sort: SortKey, idColumn: SQL | PgColumn, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const { key, id } = decodeCursor(cursor);
  // A cursor is client input: a key that does not fit the sort's type would fail in the cast.
  if (!KEY_SHAPES[sort.type](key)) throw invalid("cursor", "This cursor is not valid; start again from the first page");
  const op = sql.raw(sort.desc ? "<" : ">");
  return sql`(${sort.expr}, ${idColumn}) ${op} (cast(${key} as ${sql.raw(sort.type)}), cast(${id} as uuid))`;
}

export function orderBy(sort: SortKey, idColumn: SQL | PgColumn): SQL[] {
  return sort.desc ? [sql`${sort.expr} desc`, sql`${idColumn} desc`] : [sql`${sort.expr} asc`, sql`${idColumn} asc`];
}

/** Splits the limit+1 rows fetched into a page and the cursor of the next one. */
export function toPage<T extends { id: string; sortKey: string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.sortKey, last.id) : null };
}
