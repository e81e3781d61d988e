import { parse } from "csv-parse";
import { Readable } from "node:stream";

/** One row of the file: its line (1 = the header line) and its cells as text. */
export interface FileRow {
  line: number;
  values: string[];
}

export type FileFormat = "csv" | "xlsx";

/** Thrown for files that cannot be read at all (the import fails with this message). */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFileError";
  }
}

const MAX_COLUMNS = 500;

/** The delimiter of a CSV from its first line: Excel writes ";" in many locales, some tools tabs. */
export function detectDelimiter(head: string): string {
  const firstLine = head.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (d: string) => firstLine.split(d).length - 1;
  const [best] = [",", ";", "\t", "|"].map((d) => ({ d, n: count(d) })).sort((a, b) => b.n - a.n);
  return best && best.n > 0 ? best.d : ",";
}

/**
 * Wraps a source so that its failure (the database, while reading chunks)
 * ends the stream instead of escaping as an unhandled stream error; the
 * reader rethrows it as it was, so it is not mistaken for a bad file.
 */
function guarded(source: AsyncIterable<Buffer>): { chunks: AsyncGenerator<Buffer>; failure: () => unknown } {
  let failure: unknown;
  async function* chunks() {
    try {
      yield* source;
    } catch (error) {
      failure = error ?? new Error("reading the file failed");
    }
  }
  return { chunks: chunks(), failure: () => failure };
}

/** Prepends chunks already taken from an iterator. */
async function* prepend(first: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* readCsv(input: AsyncIterable<Buffer>): AsyncGenerator<FileRow> {
  const { chunks: source, failure } = guarded(input);
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  // Enough of the file to see the whole header line.
  while (headBytes < 64 * 1024) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
    if (next.value.includes(10)) break;
  }
  const delimiter = detectDelimiter(Buffer.concat(head).subarray(0, 64 * 1024).toString("utf8"));
  const parser = Readable.from(prepend(head, iterator)).pipe(parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: 1024 * 1024,
  }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, values: record.length > MAX_COLUMNS ? record.slice(0, MAX_COLUMNS) : record };
    }
  } catch (error) {
    throw failure() ?? new UnreadableFileError(`The CSV file could not be read: ${(error as Error).message}`);
  }
  if (failure()) throw failure();
}

/** A cell's value as text: dates as YYYY-MM-DD (or an ISO timestamp when they carry a time), formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if (v.formula !== undefined || v.sharedFormula !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return "";
  }
  return String(value);
}

async function* readXlsx(input: AsyncIterable<Buffer>): AsyncGenerator<FileRow> {
  const { chunks, failure } = guarded(input);
  // exceljs takes ~0.4 s to load; only XLSX imports pay for it, not every server start.
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore",
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const raw = Array.isArray(row.values) ? row.values : [];
        const values: string[] = [];
        // row.values is 1-based and sparse.
        for (let i = 1; i < Math.min(raw.length, MAX_COLUMNS + 1); i++) values.push(cellText(raw[i]).trim());
        if (values.every((v) => v === "")) continue;
        yield { line: row.number, values };
      }
      // Only the first worksheet is imported.
      break;
    }
  } catch (error) {
    throw failure() ?? new UnreadableFileError(`The XLSX file could not be read: ${(error as Error).message}`);
  }
  if (failure()) throw failure();
}

/** The rows of a file, streamed: the first one yielded is the header row. */
export function readRows(source: AsyncIterable<Buffer>, format: FileFormat): AsyncGenerator<FileRow> {
  return format === "xlsx" ? readXlsx(source) : readCsv(source);
}

/** What a file is, from its name, its declared type and its first bytes; null when neither CSV nor XLSX. */
export function detectFormat(fileName: string, mimeType: string, head: Buffer): FileFormat | null {
  const name = fileName.toLowerCase();
  const zip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (name.endsWith(".xlsx") || mimeType === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") return zip ? "xlsx" : null;
  const textual = name.endsWith(".csv") || name.endsWith(".txt") || mimeType === "text/csv" || mimeType === "text/plain" || mimeType === "application/csv";
  if (!textual || zip) return null;
  // A NUL byte means binary content whatever the name says (UTF-16 files included: ask for UTF-8).
  return head.subarray(0, 8192).includes(0) ? null : "csv";
}
