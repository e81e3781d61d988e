import Decimal from "decimal.js";

/**
 * Exact money arithmetic for orders. Inputs have at most 14 integer and 4
 * decimal digits, so a product has at most 36 significant digits: a private
 * Decimal with 40 digits of precision never rounds before we do.
 */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** numeric(18, 2) holds at most 16 digits before the point. */
const MAX_AMOUNT = new Exact("9999999999999999.99");

export interface LineInput {
  quantity: string;
  unitPrice: string;
}

/** quantity × unitPrice, rounded half-up (away from zero on .5) to 2 decimals. */
export function lineAmount(line: LineInput): string {
  return fastLineAmount(line.quantity, line.unitPrice) ?? new Exact(line.quantity).times(line.unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** The order amount is the sum of its (already rounded) line amounts. */
export function sumAmounts(amounts: readonly string[]): string {
  return fastSum(amounts) ?? amounts.reduce((sum, a) => sum.plus(a), new Exact(0)).toFixed(2);
}

/*
 * Fast paths for the common case, exact in integers below 2^53: an import of a
 * million order lines spent more time in Decimal than in the database. Any
 * input they cannot handle exactly (too many digits, exponents) returns null
 * and goes through Decimal; a property test holds the two to the same answers.
 */

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** A plain decimal string as an integer and a count of decimals, or null when it is not exact as a double. */
function scaled(value: string): { int: number; scale: number } | null {
  const m = PLAIN.exec(value);
  if (!m) return null;
  const fraction = m[3] ?? "";
  const digits = m[2]! + fraction;
  if (digits.length > 15) return null;
  const int = Number(digits);
  return { int: m[1] === "-" ? -int : int, scale: fraction.length };
}

/** Cents as "-123.45". */
function centsToString(cents: number): string {
  const digits = Math.abs(cents).toString().padStart(3, "0");
  return `${cents < 0 ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function fastLineAmount(quantity: string, unitPrice: string): string | null {
  const q = scaled(quantity);
  const p = scaled(unitPrice);
  if (!q || !p) return null;
  const product = q.int * p.int;
  if (!Number.isSafeInteger(product)) return null;
  const scale = q.scale + p.scale;
  let cents: number;
  if (scale <= 2) {
    cents = product * POW10[2 - scale]!;
    if (!Number.isSafeInteger(cents)) return null;
  } else {
    const divisor = POW10[scale - 2];
    if (divisor === undefined) return null;
    const rest = product % divisor;
    cents = (product - rest) / divisor;
    if (Math.abs(rest) * 2 >= divisor) cents += Math.sign(product);
  }
  return centsToString(cents === 0 ? 0 : cents);
}

const CENTS = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;

function fastSum(amounts: readonly string[]): string | null {
  let total = 0;
  for (const a of amounts) {
    const m = CENTS.exec(a);
    if (!m || m[2]!.length > 13) return null;
    const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
    total += m[1] === "-" ? -cents : cents;
  }
  return Number.isSafeInteger(total) ? centsToString(total === 0 ? 0 : total) : null;
}

/** Whether an amount fits the amount column (numeric(18, 2)). */
export function fitsAmount(amount: string): boolean {
  return new Exact(amount).abs().lte(MAX_AMOUNT);
}

/** Two decimal strings denote the same amount ("10.5" = "10.50"). */
export function sameAmount(a: string, b: string): boolean {
  return new Exact(a).eq(b);
}

/** A canonical decimal: trailing zeros dropped ("19.9900" → "19.99", "3.0000" → "3"). */
export function plainDecimal(value: string): string {
  return new Exact(value).toFixed();
}

/** A money amount with exactly 2 decimals ("100" → "100.00"). */
export function money(value: string | number): string {
  return new Exact(value).toFixed(2);
}
