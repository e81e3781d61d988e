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
  return new Exact(line.quantity).times(line.unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** The order amount is the sum of its (already rounded) line amounts. */
export function sumAmounts(amounts: readonly string[]): string {
  return amounts.reduce((sum, a) => sum.plus(a), new Exact(0)).toFixed(2);
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
