import { formatMoney } from "../../lib/format";
import { i18n } from "../../lib/i18n/i18n";

/** Figures the analyses could not compute arrive as null; nothing here ever prints NaN or undefined. */
const known = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

// Figures keep their digits (0.40, not 0.4): in a column, figures of one precision line up and read alike. A value
// someone typed (a rule's threshold) is shown as typed instead: `trim` drops the trailing zeros.

/** A fraction as a percentage: 0.253 → "25.3%", 0.25 → "25.0%" ("25%" trimmed); `signed` adds + for growth. */
export function formatShare(value: number | null | undefined, { digits = 1, signed = false, trim = false }: { digits?: number; signed?: boolean; trim?: boolean } = {}): string {
  if (!known(value)) return "—";
  const text = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: digits, minimumFractionDigits: trim ? 0 : digits }).format(value);
  return signed && value > 0 ? `+${text}` : text;
}

/** A number to `digits` decimals: 0.4 → "0.40" ("0.4" trimmed). */
export function formatNumber(value: number | null | undefined, digits = 2, { trim = false }: { trim?: boolean } = {}): string {
  if (!known(value)) return "—";
  return new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits, minimumFractionDigits: trim ? 0 : digits }).format(value);
}

export function formatAmount(value: number | null | undefined, currency: string, compact = false): string {
  if (!known(value)) return "—";
  return formatMoney(String(value), currency, { compact });
}

/** A count of accounts, 0 when absent. */
export function formatCount(value: number | null | undefined): string {
  return new Intl.NumberFormat(i18n.language).format(known(value) ? value : 0);
}
