/**
 * Exact decimal arithmetic for the order line editor, on scaled integers
 * (BigInt), never on floats. It mirrors the server's rule so the totals shown
 * while typing are the ones the server will store: each line is
 * quantity × unit price rounded half-up to 2 decimals, and the order amount is
 * the sum of the rounded lines. The server stays the authority.
 */

/** What the API accepts for a quantity or a unit price: up to 14 digits, up to 4 decimals, not negative. */
const DECIMAL = /^\d{1,14}(\.\d{1,4})?$/;

export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/** A quantity must also be greater than zero. */
export function isPositiveDecimal(value: string): boolean {
  return isDecimal(value) && /[1-9]/.test(value);
}

function toScaled(value: string, scale: number): bigint {
  const [whole = "0", fraction = ""] = value.trim().split(".");
  return BigInt(whole + fraction.padEnd(scale, "0").slice(0, scale));
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** quantity × unitPrice rounded half-up to 2 decimals; null while either is not a valid decimal. */
export function lineAmount(quantity: string, unitPrice: string): string | null {
  if (!isDecimal(quantity) || !isDecimal(unitPrice)) return null;
  const product = toScaled(quantity, 4) * toScaled(unitPrice, 4); // 8 decimals
  const rounded = (product + 500_000n) / 1_000_000n; // to 2 decimals, half-up (both factors are ≥ 0)
  return fromScaled(rounded, 2);
}

/** The exact sum of 2-decimal amounts ("-12.5" and "3" are accepted too). */
export function sumAmounts(amounts: readonly string[]): string {
  const total = amounts.reduce((sum, a) => {
    const negative = a.trim().startsWith("-");
    const scaled = toScaled(a.trim().replace(/^-/, ""), 2);
    return sum + (negative ? -scaled : scaled);
  }, 0n);
  return fromScaled(total, 2);
}

/** The order total of the lines that are complete; null when no line is. */
export function linesTotal(lines: ReadonlyArray<{ quantity: string; unitPrice: string }>): string | null {
  const amounts = lines.map((l) => lineAmount(l.quantity, l.unitPrice)).filter((a): a is string => a !== null);
  return amounts.length ? sumAmounts(amounts) : null;
}

/** Drops trailing zeros the server adds ("12.5000" → "12.5"), for editing. */
export function plainDecimal(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}
