import { i18n } from "./i18n/i18n";

// Building an Intl formatter costs far more than using one, and a list page formats hundreds of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${i18n.language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(i18n.language, options)));
  return format;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${i18n.language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(i18n.language, options)));
  return format;
}

/** Exact decimal strings are formatted through Number only for display; sums are done by the server. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined, options: { compact?: boolean } = {}): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  try {
    return numberFormat({
      style: currency ? "currency" : "decimal",
      currency: currency ?? undefined,
      notation: options.compact ? "compact" : "standard",
      maximumFractionDigits: options.compact ? 1 : 2,
    }).format(value);
  } catch {
    return `${amount} ${currency ?? ""}`.trim();
  }
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat({ dateStyle: "medium" }).format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat({ dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${value > 0 ? "+" : ""}${numberFormat({ maximumFractionDigits: 1 }).format(value)}%`;
}
