/**
 * Exact money arithmetic for the demo data: amounts are integers in cents,
 * prices and quantities integers in ten-thousandths (the database's scale 4).
 * Only formatting turns them into decimal strings.
 */

/** Exchange rates used to price the CNY catalogue for foreign accounts (units of CNY per unit). */
export const CNY_PER_UNIT: Readonly<Record<string, number>> = { CNY: 1, USD: 7.2, EUR: 7.8 };

function formatScaled(value: number | bigint, scale: number): string {
  if (typeof value === "number" && !Number.isSafeInteger(value)) throw new RangeError(`not an exact integer: ${value}`);
  const negative = value < 0;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

/** 123456 → "1234.56" */
export const formatCents = (cents: number | bigint): string => formatScaled(cents, 2);

/** 1234500 → "123.4500" */
export const formatScale4 = (value: number | bigint): string => formatScaled(value, 4);

/** "1234.56" → 123456; the inverse of formatCents, for tests and checks. */
export function parseCents(text: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`not an amount with at most 2 decimals: ${text}`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -cents : cents;
}

/**
 * Line amount in cents: quantity × unit price (both in ten-thousandths),
 * rounded half up to the cent. Falls back to BigInt when the product leaves the safe integer range.
 */
export function lineAmountCents(quantity4: number, unitPrice4: number): number {
  const product = quantity4 * unitPrice4;
  if (Number.isSafeInteger(product)) {
    // Integer division with an exact remainder: floating division alone could round across a cent.
    let whole = Math.floor(product / 1_000_000);
    while (whole * 1_000_000 > product) whole--;
    while ((whole + 1) * 1_000_000 <= product) whole++;
    return product - whole * 1_000_000 >= 500_000 ? whole + 1 : whole;
  }
  return Number((BigInt(quantity4) * BigInt(unitPrice4) + 500_000n) / 1_000_000n);
}

/** Rounds a non-negative amount in ten-thousandths to whole cents (a price with two decimals). */
export const roundToCents4 = (value4: number): number => Math.round(value4 / 100) * 100;
