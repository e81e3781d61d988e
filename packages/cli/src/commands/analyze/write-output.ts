import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";

export type OutputFormat = "csv" | "json";

/** A result as a JSON document and as a flat table of one row per customer. */
export interface AnalysisOutput {
  json: unknown;
  table: { columns: readonly string[]; rows: Iterable<readonly (string | number | null | undefined)[]> };
}

/** A CSV cell: quoted when needed; text starting with = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", resolve));
}

/** Writes the output to a file (or standard output), in chunks with back-pressure. */
export async function writeOutput(output: AnalysisOutput, format: OutputFormat, file: string | undefined): Promise<void> {
  const out: Writable = file === undefined ? process.stdout : createWriteStream(file);
  if (format === "json") {
    await write(out, `${JSON.stringify(output.json)}\n`);
  } else {
    await write(out, `${output.table.columns.join(",")}\n`);
    let chunk = "";
    for (const row of output.table.rows) {
      chunk += `${row.map(csvCell).join(",")}\n`;
      if (chunk.length > 1 << 16) {
        await write(out, chunk);
        chunk = "";
      }
    }
    await write(out, chunk);
  }
  if (file !== undefined) {
    out.end();
    await finished(out);
  }
}
