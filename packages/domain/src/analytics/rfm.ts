import { column } from "./columns";
import type { CustomerOrders } from "./customer-orders";
import type { DayNumber } from "./dates";
import { type Direction, quintileScores, type RfmScore, scoreByThresholds } from "./rfm-score";
import { combineFm, RFM_SEGMENTS, type RfmSegment, segmentOf } from "./rfm-segments";

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

/** The scores of each customer, by position: r, f, m (1-5) and the segment (an index into RFM_SEGMENTS). */
export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: Uint8Array;
}

/** The segment's index in RFM_SEGMENTS of each (R, FM), at R × 6 + FM. */
const SEGMENT_INDEX = new Uint8Array(36);
for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) SEGMENT_INDEX[r * 6 + fm] = RFM_SEGMENTS.indexOf(segmentOf(r as RfmScore, fm as RfmScore));

/**
 * The scores and segments of customers given as columns (recency in days, frequency, monetary), by position: each
 * dimension scored 1-5 (see {@link quintileScores} for ties) and mapped to a named segment by (R, FM). Runs score
 * every account of an organization this way, without an object per account; {@link computeRfm} is the same on rows.
 */
export function scoreRfm(recency: ArrayLike<number>, frequency: ArrayLike<number>, monetary: ArrayLike<number>, scoring: RfmScoring = { kind: "quintiles" }): RfmScores {
  const n = recency.length;
  if (frequency.length !== n || monetary.length !== n) throw new RangeError("recency, frequency and monetary must have one entry per customer");
  for (let i = 0; i < n; i++) if (recency[i]! < 0) throw new RangeError("an order is after the analysis date; filter future orders first");
  const byThresholds = (values: ArrayLike<number>, thresholds: Thresholds, direction: Direction) => Uint8Array.from({ length: n }, (_, i) => scoreByThresholds(values[i]!, thresholds, direction));
  const [r, f, m] =
    scoring.kind === "quintiles"
      ? [quintileScores(recency, "lower-is-better"), quintileScores(frequency, "higher-is-better"), quintileScores(monetary, "higher-is-better")]
      : [byThresholds(recency, scoring.recency, "lower-is-better"), byThresholds(frequency, scoring.frequency, "higher-is-better"), byThresholds(monetary, scoring.monetary, "higher-is-better")];
  const segment = new Uint8Array(n);
  for (let i = 0; i < n; i++) segment[i] = SEGMENT_INDEX[r[i]! * 6 + combineFm(f[i] as RfmScore, m[i] as RfmScore)]!;
  return { r, f, m, segment };
}

/**
 * RFM of each customer at `asOf`: recency = asOf − last order day, frequency = orders,
 * monetary = net revenue, each scored 1-5 (see {@link scoreByQuintile} for ties) and mapped
 * to a named segment by (R, FM). Rows come back in the order of `customers`.
 */
export function computeRfm(customers: readonly CustomerOrders[], asOf: DayNumber, scoring: RfmScoring = { kind: "quintiles" }): RfmRow[] {
  const recency = column(customers.length, (i) => asOf - customers[i]!.lastOrderDay);
  const frequency = column(customers.length, (i) => customers[i]!.orders);
  const monetary = column(customers.length, (i) => customers[i]!.revenue);
  const { r, f, m, segment } = scoreRfm(recency, frequency, monetary, scoring);
  return customers.map((c, i) => {
    const [ri, fi, mi] = [r[i] as RfmScore, f[i] as RfmScore, m[i] as RfmScore];
    return { customer: c.customer, recency: recency[i]!, frequency: frequency[i]!, monetary: monetary[i]!, r: ri, f: fi, m: mi, fm: combineFm(fi, mi), segment: RFM_SEGMENTS[segment[i]!]! };
  });
}
