import { i18n } from "../../lib/i18n/i18n";

/**
 * Formats an exact decimal string for display without passing it through a
 * float: Intl formats numeric strings digit for digit.
 */
export function formatExactMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const value = amount.trim() as `${number}`;
  try {
    return new Intl.NumberFormat(i18n.language, {
      style: currency ? "currency" : "decimal",
      currency: currency || undefined,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(value);
  } catch {
    return `${amount} ${currency ?? ""}`.trim();
  }
}
