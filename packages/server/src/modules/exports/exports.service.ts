import { EXPORT_FIELDS, type TExportQuery } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import type { ExportEntity } from "@openkam/domain";
import type { Scope } from "../../tenancy/scope";
import { BOM, csvLine } from "./exports.csv";
import { exportPage, type Cursor } from "./exports.repository";

const PAGE_ROWS = 2000;

/** Columns that hold numbers: a leading minus there is a negative number, not a formula. */
const NUMERIC = new Set(["amount", "quantity", "unit_price", "list_price", "influence", "attitude", "duration_minutes", "line_no"]);

/**
 * The CSV of an entity, line by line: a header of the import field names,
 * then the rows the scope may see, read in keyset pages so that only one page
 * is in memory at a time.
 */
export async function* exportLines(db: Db, scope: Scope, entity: ExportEntity, query: TExportQuery = {}): AsyncGenerator<string> {
  const fields: readonly string[] = EXPORT_FIELDS[entity];
  const numeric = new Set(fields.flatMap((f, i) => (NUMERIC.has(f) ? [i] : [])));
  yield BOM + csvLine(fields);
  let cursor: Cursor = null;
  for (;;) {
    const page = await exportPage(db, scope, entity, cursor, PAGE_ROWS, query);
    let chunk = "";
    for (const row of page) chunk += csvLine(fields.map((f) => cellOf(row[f])), numeric);
    if (chunk) yield chunk;
    const last = page[page.length - 1];
    if (!last || page.length < PAGE_ROWS) return;
    cursor = { id: last._id, lineNo: Number(last._line ?? 0) };
  }
}

function cellOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Writes an export to a stream (the CLI), respecting back-pressure; the caller ends the stream. */
export async function exportCsv({ db, scope, entity, out, query }: { db: Db; scope: Scope; entity: ExportEntity; out: NodeJS.WritableStream; query?: TExportQuery }): Promise<void> {
  for await (const text of exportLines(db, scope, entity, query)) {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", resolve));
  }
}

export function exportFileName(entity: ExportEntity, now = new Date()): string {
  return `openkam-${entity}-${now.toISOString().slice(0, 10)}.csv`;
}
