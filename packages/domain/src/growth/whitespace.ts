import type { WhitespaceManualState, WhitespaceState } from "./vocabulary";

export interface WhitespaceFacts {
  /** The state the user set on the cell, if any. */
  manual: WhitespaceManualState | null;
  /** The account ordered the product within the look-back (orders do not record the business unit). */
  boughtRecently: boolean;
  /** Open opportunities for the product and this business unit, or for the product without a business unit. */
  openOpportunities: number;
}

/**
 * What a whitespace cell shows. Facts beat plans: bought (set by hand for this unit, or ordered
 * by the account recently), then in pipeline (an open opportunity), then the user's own call
 * (opportunity, not relevant); null when nothing is known yet, the white space itself.
 */
export function deriveWhitespaceState(facts: WhitespaceFacts): WhitespaceState | null {
  if (facts.manual === "bought" || facts.boughtRecently) return "bought";
  if (facts.openOpportunities > 0) return "in_pipeline";
  return facts.manual;
}
