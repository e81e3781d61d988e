/**
 * CSV cells that a spreadsheet would run as a formula start with = + - @ (or
 * a tab or carriage return that hides one); they get a leading apostrophe,
 * which spreadsheets show as text. Plain numbers in numeric columns, negative
 * ones included, stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralise(value: string, numeric = false): string {
  if (!FORMULA_START.test(value)) return value;
  if (numeric && PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** One CSV cell (RFC 4180 quoting), with formula neutralisation. */
export function csvCell(value: string | number | boolean | null | undefined, numeric = false): string {
  const text = value === null || value === undefined ? "" : neutralise(String(value), numeric);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF). */
export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>, numeric?: ReadonlySet<number>): string {
  return values.map((v, i) => csvCell(v, numeric?.has(i) ?? false)).join(",") + "\r\n";
}

/** A UTF-8 byte order mark, so Excel opens the file as UTF-8 (Chinese names included). */
export const BOM = "\uFEFF";
