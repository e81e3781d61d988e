import { type BgNbdObservation, type BgNbdParams, expectedPurchases } from "./bg-nbd";

/**
 * Discounted customer lifetime value over the next `horizon` time units:
 *
 *   CLV = Σₖ₌₁..horizon (E[Y(k)] − E[Y(k−1)]) · spend / (1 + rate)ᵏ
 *
 * where E[Y(k)] is the BG/NBD expected number of purchases in the next k units, `spend` the expected
 * value per purchase (Gamma-Gamma) and `rate` the discount rate per time unit (0 = undiscounted,
 * which makes CLV = E[Y(horizon)] · spend). Purchases of unit k are discounted as if made at its end.
 */
export function discountedClv(params: BgNbdParams, o: BgNbdObservation, spend: number, horizon: number, rate = 0): number {
  if (!Number.isInteger(horizon) || horizon < 0) throw new RangeError("horizon must be a whole number of time units");
  if (rate <= -1) throw new RangeError("discount rate must be above -1");
  let value = 0;
  let previous = 0;
  for (let k = 1; k <= horizon; k++) {
    const cumulative = expectedPurchases(params, o, k);
    value += ((cumulative - previous) * spend) / (1 + rate) ** k;
    previous = cumulative;
  }
  return value;
}
