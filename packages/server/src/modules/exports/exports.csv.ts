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

/** One CSV line (RFC 4180 quoting, CRLF), with formula neutralisation. */
export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>, numeric?: ReadonlySet<number>): string {
  return values
    .map((v, i) => {
      const text = v === null || v === undefined ? "" : neutralise(String(v), numeric?.has(i) ?? false);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(",") + "\r\n";
}

/** A UTF-8 byte order mark, so Excel opens the file as UTF-8 (Chinese names included). */
export const BOM = "\uFEFF";
