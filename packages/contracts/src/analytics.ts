import {
  ABC_CLASSES,
  ANALYSIS_KINDS,
  ANALYSIS_RUN_STATUSES,
  ANALYSIS_SCOPES,
  MATRIX_QUADRANTS,
  RFM_SEGMENTS,
  ruleIssues,
  SELECTION_FIELDS,
  SELECTION_OPS,
  type SelectionCondition,
  type SelectionRule,
  TIME_UNITS,
} from "@openkam/domain";
import { z } from "zod";
import { ZAccountTier } from "./accounts";
import { ZDate, ZDateTime, ZId, ZPage, ZRequiredText } from "./common";

/*
 * Analysis runs: an analysis over the organization's orders, stored as a snapshot (parameters, date,
 * per-account results). Money in results and summaries is a number rounded to cents (analytics output,
 * not bookkeeping), in the run's currency; ratios are plain numbers; a figure that cannot be computed
 * is null, never NaN or Infinity.
 */

export const ZAnalysisKind = z.enum(ANALYSIS_KINDS);
export type TAnalysisKind = z.infer<typeof ZAnalysisKind>;
export const ZAnalysisRunStatus = z.enum(ANALYSIS_RUN_STATUSES);
export const ZAnalysisScope = z.enum(ANALYSIS_SCOPES).describe("organization: every account; own_accounts: the accounts the creator (an account manager) works on");
export const ZRfmSegment = z.enum(RFM_SEGMENTS);
export const ZAbcClass = z.enum(ABC_CLASSES);
export const ZMatrixQuadrant = z.enum(MATRIX_QUADRANTS);
export const ZTimeUnit = z.enum(TIME_UNITS);

const ZMonth = z.string().regex(/^\d{4}-\d{2}$/).describe("Calendar month, YYYY-MM");
const ZAmount = z.number().describe("Money in the run's currency, rounded to cents");

// ---------------------------------------------------------------- selection rules

export const ZRuleCondition = z
  .object({
    field: z.enum(SELECTION_FIELDS),
    op: z.enum(SELECTION_OPS),
    value: z.union([z.number(), z.string(), z.array(z.string())]),
  })
  .describe("revenue12m, revenueGrowthYoy (0.25 = +25%), customerYears, orders12m, daysSinceLastOrder and clv take a number with gte/gt/lte/lt/eq/neq; quadrant, rfmSegment, abcClass, tier, industry and region take a text with eq/neq or a list with in");
export type TRuleCondition = SelectionCondition;
export type TCondition = TRuleCondition;
export type TRule = SelectionRule;

/**
 * A rule tree: `{ all: [...] }`, `{ any: [...] }`, `{ not: rule }` or a condition. Checked by the domain's
 * ruleIssues, so each problem comes back with its path inside the rule.
 */
export const ZRule = z
  .record(z.string(), z.unknown(), { error: "Expected a rule: { all }, { any }, { not } or { field, op, value }" })
  .superRefine((value, ctx) => {
    for (const issue of ruleIssues(value)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  })
  .meta({
    description: "{ all: Rule[] } | { any: Rule[] } | { not: Rule } | { field, op, value }: see ZRuleCondition for the fields and operators",
    example: { any: [{ all: [{ field: "revenue12m", op: "gte", value: 1000000 }, { field: "customerYears", op: "gte", value: 3 }] }, { field: "quadrant", op: "eq", value: "strategic_partner" }] },
  }) as unknown as z.ZodType<TRule>;

// ---------------------------------------------------------------- parameters

const ZLookbackDays = z.number().int().min(1).max(3650).describe("Days up to and including asOf; default 365");
const ZFourThresholds = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine((t) => t[0] < t[1] && t[1] < t[2] && t[2] < t[3], "Give four strictly ascending thresholds");

export const ZRfmScoring = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("quintiles") }).strict(),
  z
    .object({ kind: z.literal("thresholds"), recency: ZFourThresholds.describe("Days"), frequency: ZFourThresholds.describe("Orders"), monetary: ZFourThresholds.describe("Net revenue") })
    .strict(),
]);

export const ZRfmParameters = z.object({ lookbackDays: ZLookbackDays.optional(), scoring: ZRfmScoring.optional().describe("Default quintiles") }).strict();
export type TRfmParameters = z.infer<typeof ZRfmParameters>;

export const ZParetoParameters = z
  .object({
    lookbackDays: ZLookbackDays.optional(),
    cutoffs: z
      .object({ a: z.number().gt(0).max(1).optional().describe("Default 0.8"), b: z.number().min(0).max(1).optional().describe("Default 0.15") })
      .strict()
      .refine((c) => (c.a ?? 0.8) + (c.b ?? 0.15) <= 1, { message: "a + b may be at most 1", path: ["b"] })
      .optional(),
  })
  .strict();
export type TParetoParameters = z.infer<typeof ZParetoParameters>;

export const ZMatrixParameters = z
  .object({
    thresholds: z
      .object({
        contribution: z.number().min(0).max(1).optional().describe("Share of total revenue; default the median"),
        growth: z.number().min(0).max(1).optional().describe("Growth-potential score; default the median"),
      })
      .strict()
      .optional(),
  })
  .strict();
export type TMatrixParameters = z.infer<typeof ZMatrixParameters>;

export const ZClvParameters = z
  .object({
    calibrationEnd: ZDate.optional().describe("Default asOf; may not be after it"),
    timeUnit: ZTimeUnit.optional().describe("Default week"),
    horizon: z.number().int().min(1).max(260).optional().describe("Time units; default 52"),
    discountRate: z.number().min(0).max(1).optional().describe("Per time unit; default 0.01"),
  })
  .strict();
export type TClvParameters = z.infer<typeof ZClvParameters>;

export const ZForecastParameters = z
  .object({
    horizon: z.number().int().min(1).max(24).optional().describe("Months; default 12"),
    holdout: z.number().int().min(0).max(12).optional().describe("Months held out for the backtest; default 6, 0 for none"),
  })
  .strict();
export type TForecastParameters = z.infer<typeof ZForecastParameters>;

export const ZSelectionParameters = z.object({ rule: ZRule }).strict();
export type TSelectionParameters = z.infer<typeof ZSelectionParameters>;

const ZAsOf = ZDate.optional().describe("The analysis date; default today (UTC). Orders after it are left out and counted");

/** POST /api/analytics/runs */
export const ZCreateAnalysisRunRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rfm"), asOf: ZAsOf, parameters: ZRfmParameters.default({}) }).strict(),
  z.object({ kind: z.literal("pareto"), asOf: ZAsOf, parameters: ZParetoParameters.default({}) }).strict(),
  z.object({ kind: z.literal("matrix"), asOf: ZAsOf, parameters: ZMatrixParameters.default({}) }).strict(),
  z.object({ kind: z.literal("clv"), asOf: ZAsOf, parameters: ZClvParameters.default({}) }).strict(),
  z.object({ kind: z.literal("forecast"), asOf: ZAsOf, parameters: ZForecastParameters.default({}) }).strict(),
  z.object({ kind: z.literal("selection"), asOf: ZAsOf, parameters: ZSelectionParameters }).strict(),
]);
export type TCreateAnalysisRunRequest = z.input<typeof ZCreateAnalysisRunRequest>;

/** POST /api/analytics/identifications: RFM, Pareto, matrix and a selection as of one date, with their defaults. */
export const ZCreateIdentificationRequest = z
  .object({
    asOf: ZAsOf,
    rule: ZRule.optional().describe("The selection's rule; default the rule of the organization's latest succeeded selection. With neither, no selection is made"),
  })
  .strict();
export type TCreateIdentificationRequest = z.input<typeof ZCreateIdentificationRequest>;

// ---------------------------------------------------------------- summaries

export const ZExcludedOrders = z
  .object({
    currency: z.number().int().describe("Orders in another currency than the organization's, left out (no exchange rates are kept)"),
    future: z.number().int().describe("Orders dated after asOf, left out"),
  })
  .describe("Confirmed orders of the analysed accounts that did not count");

export const ZRfmSummary = z.object({
  excludedOrders: ZExcludedOrders,
  segmentCounts: z.record(ZRfmSegment, z.number().int()),
  heatmap: z
    .array(z.object({ r: z.number().int(), f: z.number().int(), accounts: z.number().int(), monetary: ZAmount.describe("Total net revenue of the cell") }))
    .describe("All 25 R × F cells, R 5…1, F 1…5"),
});

export const ZParetoSummary = z.object({
  excludedOrders: ZExcludedOrders,
  customers: z.number().int(),
  totalRevenue: ZAmount,
  top20Share: z.number(),
  gini: z.number(),
  classCounts: z.record(ZAbcClass, z.number().int()),
  curve: z.array(z.object({ rankShare: z.number(), cumulativeShare: z.number() })).describe("The Lorenz-style curve, at most 101 points from (0, 0)"),
});

export const ZMatrixSummary = z.object({
  excludedOrders: ZExcludedOrders,
  thresholds: z.object({ contribution: z.number(), growth: z.number() }).describe("The thresholds used (given, or the medians)"),
  counts: z.record(ZMatrixQuadrant, z.number().int()),
});

export const ZClvSummary = z.object({
  excludedOrders: ZExcludedOrders,
  bgnbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), logLikelihood: z.number() }).nullable().describe("null when no customer bought before the calibration end"),
  gammaGamma: z
    .object({ p: z.number(), q: z.number(), gamma: z.number() })
    .nullable()
    .describe("null when the spend model cannot be fitted (no repeat customer with a positive spend, or no finite mean); each customer's own mean purchase value is used instead"),
  totalClv: ZAmount,
  distribution: z.array(z.object({ from: ZAmount, to: ZAmount, accounts: z.number().int() })).describe("Accounts by CLV band: from ≤ CLV < to, bands in 1-2-5 steps (…, 1000, 2000, 5000, …; powers of ten beyond 24 bands) from the lowest CLV to the highest; CLVs of zero or less in a first band from the lowest to 0. Runs stored by earlier versions may hold 10 equal-width bins instead."),
});

export const ZMonthRevenue = z.object({ month: ZMonth, revenue: ZAmount });

export const ZForecastSummary = z.object({
  excludedOrders: ZExcludedOrders,
  total: z.object({
    history: z.array(ZMonthRevenue).describe("Whole calendar months up to the last one completed by asOf, at most 48"),
    forecast: z.array(ZMonthRevenue),
    mape: z.number().nullable().describe("Backtest: mean absolute percentage error (0.12 = 12%) on the held-out months"),
    method: z.enum(["holt-winters", "holt", "naive"]),
    pipeline: z
      .array(ZMonthRevenue)
      .optional()
      .describe("Weighted open pipeline (value × probability of open opportunities in the run's currency) by expected close month, over the forecast months; absent in runs made before it was recorded"),
  }),
});

export const ZSelectionSummary = z.object({
  excludedOrders: ZExcludedOrders,
  rule: ZRule,
  selected: z.number().int(),
  notSelected: z.number().int(),
  sources: z
    .object({ quadrant: ZId.nullable(), rfmSegment: ZId.nullable(), abcClass: ZId.nullable(), clv: ZId.nullable() })
    .describe("The runs the quadrant, rfmSegment, abcClass and clv facts were read from (the latest succeeded run of each kind; in an identification, the runs made with it); null when the rule does not use the field or there is no such run"),
});

// ---------------------------------------------------------------- runs

const ZRunBase = z.object({
  id: ZId,
  status: ZAnalysisRunStatus,
  asOf: ZDate,
  currency: z.string().describe("The organization's currency: every amount of the run is in it"),
  scope: ZAnalysisScope,
  createdAt: ZDateTime,
  createdBy: z.object({ id: ZId, name: z.string() }),
  startedAt: ZDateTime.nullable(),
  finishedAt: ZDateTime.nullable(),
  error: z.string().nullable(),
  accountCount: z.number().int().describe("Accounts with a result in the run"),
});

/** The run, discriminated by kind: parameters are stored with every default filled in; summary is null until the run succeeded. */
export const ZAnalysisRun = z.discriminatedUnion("kind", [
  ZRunBase.extend({ kind: z.literal("rfm"), parameters: ZRfmParameters, summary: ZRfmSummary.nullable() }),
  ZRunBase.extend({ kind: z.literal("pareto"), parameters: ZParetoParameters, summary: ZParetoSummary.nullable() }),
  ZRunBase.extend({ kind: z.literal("matrix"), parameters: ZMatrixParameters, summary: ZMatrixSummary.nullable() }),
  ZRunBase.extend({ kind: z.literal("clv"), parameters: ZClvParameters, summary: ZClvSummary.nullable() }),
  ZRunBase.extend({ kind: z.literal("forecast"), parameters: ZForecastParameters, summary: ZForecastSummary.nullable() }),
  ZRunBase.extend({ kind: z.literal("selection"), parameters: ZSelectionParameters, summary: ZSelectionSummary.nullable() }),
]);
export type TAnalysisRun = z.infer<typeof ZAnalysisRun>;

/** The runs of an identification, queued together and made in this order by one background job. */
export const ZIdentification = z.object({
  asOf: ZDate,
  runs: z.array(ZAnalysisRun).describe("rfm, pareto, matrix, then selection (when there is a rule)"),
});
export type TIdentification = z.infer<typeof ZIdentification>;
export const ZAnalysisRunPage = ZPage(ZAnalysisRun);

export const ZListAnalysisRunsQuery = z.object({
  kind: ZAnalysisKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListAnalysisRunsQuery = z.infer<typeof ZListAnalysisRunsQuery>;

export const ZAnalysisRunParams = z.object({ id: ZId });
export const ZCompareRunsParams = z.object({ id: ZId, otherId: ZId });

// ---------------------------------------------------------------- results

export const ZRfmValues = z.object({
  recency: z.number().int().describe("Days from the last order to asOf"),
  frequency: z.number().int().describe("Orders in the window (credit notes are not orders)"),
  monetary: ZAmount.describe("Net revenue in the window: orders minus credit notes"),
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
});

export const ZParetoValues = z.object({
  rank: z.number().int().describe("1 = highest revenue; equal revenue ranked by account id"),
  revenue: ZAmount,
  share: z.number(),
  cumulativeShare: z.number(),
});

const growthKeys = { yoyGrowth: z.number().nullable(), relativeSlope: z.number().nullable(), walletHeadroom: z.number().nullable(), pipelineRatio: z.number().nullable(), strategicImportance: z.number().nullable() };

export const ZMatrixValues = z.object({
  revenue: ZAmount.describe("Last 12 trailing months"),
  revenuePrevious12m: ZAmount.describe("The 12 trailing months before those"),
  monthlyRevenue: z.array(ZAmount).describe("The 24 trailing months, oldest first"),
  contribution: z.number().describe("revenue / total revenue of the analysed accounts"),
  growth: z.number().describe("Growth-potential score in [0, 1]"),
  components: z.object(growthKeys).describe("Raw growth inputs; null when unknown (yoyGrowth is also null for a first year after none, whose score is 1)"),
  componentScores: z.object(growthKeys).describe("Each available input mapped to [0, 1] as weighed into growth; null when not used"),
  openPipeline: ZAmount.nullable().optional().describe("The open pipeline used for pipelineRatio; absent in runs made before it was recorded"),
  pipelineSource: z
    .enum(["opportunities", "custom_field"])
    .nullable()
    .optional()
    .describe("Where openPipeline came from: the weighted open opportunities in the run's currency, or the account's openPipeline custom field, which overrides them"),
});

export const ZClvValues = z.object({
  frequency: z.number().int().describe("Repeat purchase days in the calibration period"),
  recency: z.number().describe("First to last purchase day, in time units"),
  T: z.number().describe("First purchase day to the calibration end, in time units"),
  expectedPurchases: z.number().describe("Over the horizon"),
  pAlive: z.number(),
  expectedAverageSpend: ZAmount,
  clv: ZAmount,
  historicRevenue: ZAmount.describe("Net revenue up to the calibration end"),
});

export const ZForecastValues = z.object({
  history: z.array(ZMonthRevenue),
  forecast: z.array(ZMonthRevenue),
  mape: z.number().nullable(),
  pipeline: z.array(ZMonthRevenue).optional().describe("Weighted open pipeline by expected close month over the forecast months"),
});

export const ZConditionTrace = z.object({
  path: z.string().describe('Position in the rule: child indices joined by dots, e.g. "0.1"; "" when the rule is a single condition'),
  field: z.enum(SELECTION_FIELDS),
  op: z.enum(SELECTION_OPS),
  value: z.union([z.number(), z.string(), z.array(z.string())]),
  actual: z.union([z.number(), z.string()]).nullable().describe("The account's value; null when unknown (the condition then does not hold)"),
  held: z.boolean(),
});
export type TConditionTrace = z.infer<typeof ZConditionTrace>;

export const ZSelectionValues = z.object({ passed: z.boolean(), conditions: z.array(ZConditionTrace) });

export type TRfmValues = z.infer<typeof ZRfmValues>;
export type TParetoValues = z.infer<typeof ZParetoValues>;
export type TMatrixValues = z.infer<typeof ZMatrixValues>;
export type TClvValues = z.infer<typeof ZClvValues>;
export type TForecastValues = z.infer<typeof ZForecastValues>;
export type TSelectionValues = z.infer<typeof ZSelectionValues>;

export const ZAnalysisResult = z.object({
  accountId: ZId,
  accountName: z.string(),
  tier: ZAccountTier.describe("The account's tier now"),
  ownerName: z.string().nullable(),
  group: z.string().nullable().describe("rfm segment, ABC class, matrix quadrant, selected / not_selected; null for clv and forecast"),
  values: z.union([ZRfmValues, ZParetoValues, ZMatrixValues, ZClvValues, ZForecastValues, ZSelectionValues]).describe("By the run's kind"),
});
export type TAnalysisResult = z.infer<typeof ZAnalysisResult>;

export const ANALYSIS_RESULT_SORTS = ["rank", "-rank", "name", "-name"] as const;

export const ZAnalysisResultsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  group: z.string().max(50).optional().describe("Only the results of this group"),
  sort: z
    .enum(ANALYSIS_RESULT_SORTS)
    .default("rank")
    .describe("rank: by the kind's main figure (rfm monetary, pareto rank, matrix revenue, clv, forecast total, selection: selected first then 12-month revenue), descending"),
});
export type TAnalysisResultsQuery = z.infer<typeof ZAnalysisResultsQuery>;

export const ZAnalysisResultsExportQuery = z.object({
  group: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,50}$/, "A group is a name such as strategic_partner, A or selected")
    .optional()
    .describe("Only the results of this group"),
});
export type TAnalysisResultsExportQuery = z.infer<typeof ZAnalysisResultsExportQuery>;

export const ZAnalysisRunDetail = z.object({ run: ZAnalysisRun, results: ZPage(ZAnalysisResult) });
export type TAnalysisRunDetail = z.infer<typeof ZAnalysisRunDetail>;

// ---------------------------------------------------------------- comparison

export const ZRunComparison = z.object({
  from: ZAnalysisRun,
  to: ZAnalysisRun,
  transitions: z.array(z.object({ from: z.string().nullable(), to: z.string().nullable(), accounts: z.number().int() })).describe("Accounts per (from group, to group); null = not in that run"),
  moved: z.array(z.object({ accountId: ZId, accountName: z.string(), from: z.string().nullable(), to: z.string().nullable() })).describe("Accounts whose group changed, at most 500"),
});
export type TRunComparison = z.infer<typeof ZRunComparison>;

// ---------------------------------------------------------------- promotion

export const ZPromoteAccountsRequest = z
  .object({
    accountIds: z.array(ZId).min(1).max(500).refine((ids) => new Set(ids).size === ids.length, "Each account may be listed once"),
    tier: ZAccountTier,
    reason: ZRequiredText(500),
  })
  .strict();
export type TPromoteAccountsRequest = z.infer<typeof ZPromoteAccountsRequest>;

export const ZPromoteAccountsResult = z.object({
  promoted: z.number().int().describe("Accounts whose tier changed"),
  unchanged: z.number().int().describe("Accounts already in that tier"),
});
export type TPromoteAccountsResult = z.infer<typeof ZPromoteAccountsResult>;

// ---------------------------------------------------------------- per account (the 360 page)

const ZRunRef = { runId: ZId, asOf: ZDate };
export const ZAccountAnalytics = z.object({
  clv: z.object({ ...ZRunRef, clv: ZAmount, pAlive: z.number(), expectedPurchases: z.number(), expectedAverageSpend: ZAmount }).nullable(),
  rfm: z.object({ ...ZRunRef, segment: ZRfmSegment, r: z.number().int(), f: z.number().int(), m: z.number().int() }).nullable(),
  quadrant: z.object({ ...ZRunRef, quadrant: ZMatrixQuadrant }).nullable(),
  abcClass: z.object({ ...ZRunRef, abcClass: ZAbcClass }).nullable(),
});
export type TAccountAnalytics = z.infer<typeof ZAccountAnalytics>;
