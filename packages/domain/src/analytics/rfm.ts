import type { CustomerOrders } from "./customer-orders";
import type { DayNumber } from "./dates";
import { type RfmScore, scoreByQuintile, scoreByThresholds } from "./rfm-score";
import { combineFm, type RfmSegment, segmentOf } from "./rfm-segments";

type Thresholds = readonly [number, number, number, number];

/** Quintiles of the analysed customers, or four ascending cut-offs per dimension (recency in days). */
export type RfmScoring = { kind: "quintiles" } | { kind: "thresholds"; recency: Thresholds; frequency: Thresholds; monetary: Thresholds };

export interface RfmRow {
  customer: string;
  /** Days from the last order to the analysis date (0 = ordered on `asOf`). */
  recency: number;
  /** Number of orders in the window. */
  frequency: number;
  /** Net revenue in the window (credit notes subtracted). */
  monetary: number;
  r: RfmScore;
  f: RfmScore;
  m: RfmScore;
  /** Mean of f and m rounded half up: the column of the segment grid. */
  fm: RfmScore;
  segment: RfmSegment;
}

/**
 * RFM of each customer at `asOf`: recency = asOf − last order day, frequency = orders,
 * monetary = net revenue, each scored 1-5 (see {@link scoreByQuintile} for ties) and mapped
 * to a named segment by (R, FM). Rows come back in the order of `customers`.
 */
export function computeRfm(customers: readonly CustomerOrders[], asOf: DayNumber, scoring: RfmScoring = { kind: "quintiles" }): RfmRow[] {
  const recency = customers.map((c) => asOf - c.lastOrderDay);
  if (recency.some((days) => days < 0)) throw new RangeError("an order is after the analysis date; filter future orders first");
  const frequency = customers.map((c) => c.orders);
  const monetary = customers.map((c) => c.revenue);
  const [r, f, m] =
    scoring.kind === "quintiles"
      ? [scoreByQuintile(recency, "lower-is-better"), scoreByQuintile(frequency, "higher-is-better"), scoreByQuintile(monetary, "higher-is-better")]
      : [
          recency.map((v) => scoreByThresholds(v, scoring.recency, "lower-is-better")),
          frequency.map((v) => scoreByThresholds(v, scoring.frequency, "higher-is-better")),
          monetary.map((v) => scoreByThresholds(v, scoring.monetary, "higher-is-better")),
        ];
  return customers.map((c, i) => {
    const fm = combineFm(f[i]!, m[i]!);
    return { customer: c.customer, recency: recency[i]!, frequency: frequency[i]!, monetary: monetary[i]!, r: r[i]!, f: f[i]!, m: m[i]!, fm, segment: segmentOf(r[i]!, fm) };
  });
}
