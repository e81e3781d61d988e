import { KPI_DIRECTIONS, KPI_KEYS, KPI_UNITS, SCORECARD_PERSPECTIVES, isCalendarDate } from "@openkam/domain";
import { z } from "zod";
import { ZDate, ZDateTime, ZId } from "./common";

export const ZKpiKey = z.enum(KPI_KEYS).describe("A KPI of the library");
export const ZKpiUnit = z.enum(KPI_UNITS).describe("percent values are 0-100; money is in the organization's currency");
export const ZKpiDirection = z.enum(KPI_DIRECTIONS);
export const ZScorecardPerspective = z.enum(SCORECARD_PERSPECTIVES);
export const ZTrafficLight = z.enum(["green", "amber", "red"]).nullable().describe("Null when the KPI cannot be measured for the subject and period");

const ZLocalised = z.object({ en: z.string(), "zh-CN": z.string() });

export const ZKpiDefinition = z.object({
  key: ZKpiKey,
  name: ZLocalised,
  definition: ZLocalised,
  unit: ZKpiUnit,
  direction: ZKpiDirection,
  formula: z.string(),
  perspective: ZScorecardPerspective.describe("Where the KPI sits in a balanced scorecard"),
  source: z.string().describe("The tables the figures come from"),
});
export type TKpiDefinition = z.infer<typeof ZKpiDefinition>;

export const ZKpiDefinitionDetail = ZKpiDefinition.extend({
  sql: z.string().describe("The query behind the KPI, as the server runs it (parameters as $1, $2, …)"),
  queryFile: z.string().describe("Where the query lives in the source"),
});
export type TKpiDefinitionDetail = z.infer<typeof ZKpiDefinitionDetail>;

export const ZKpiKeyParams = z.object({ key: ZKpiKey });

export const ZKpiSubjectKind = z.enum(["account", "manager", "programme"]);

/** A date the calendar has (2026-02-30 is refused with a field message, not a database error). */
const ZCalendarDate = ZDate.refine(isCalendarDate, "Not a calendar date");

export const ZKpiValuesQuery = z
  .object({
    subject: ZKpiSubjectKind.default("programme"),
    accountId: ZId.optional().describe("For subject=account"),
    userId: ZId.optional().describe("For subject=manager: the account manager whose accounts are measured"),
    from: ZCalendarDate.optional().describe("First day; with to. Both default to the current quarter"),
    to: ZCalendarDate.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.subject === "account" && !q.accountId) ctx.addIssue({ code: "custom", path: ["accountId"], message: "Required for an account" });
    if (q.subject === "manager" && !q.userId) ctx.addIssue({ code: "custom", path: ["userId"], message: "Required for a manager" });
    if ((q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: "custom", path: [q.from ? "to" : "from"], message: "Give both from and to, or neither" });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "to comes on or after from" });
    if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > 3 * 366 * 86_400_000) ctx.addIssue({ code: "custom", path: ["to"], message: "A period is at most three years" });
  });
export type TKpiValuesQuery = z.infer<typeof ZKpiValuesQuery>;

export const ZKpiValue = z.object({
  key: ZKpiKey,
  value: z.number().nullable().describe("Null when the KPI cannot be measured (no data in the period)"),
  unit: ZKpiUnit,
  direction: ZKpiDirection,
  target: z.number().nullable().optional(),
  status: ZTrafficLight.optional(),
});
export type TKpiValue = z.infer<typeof ZKpiValue>;

export const ZKpiSubject = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("account"), accountId: ZId, name: z.string() }),
  z.object({ kind: z.literal("manager"), userId: ZId, name: z.string() }),
  z.object({ kind: z.literal("programme"), cohort: z.enum(["programme", "key_accounts"]).describe("The programme's pilot cohort, or all strategic and key accounts when there is none") }),
]);
export type TKpiSubject = z.infer<typeof ZKpiSubject>;

const ZPeriod = z.object({ from: ZDate, to: ZDate });

export const ZKpiValues = z.object({
  subject: ZKpiSubject,
  period: ZPeriod,
  currency: z.string().describe("The organization's currency: every amount is in it"),
  accounts: z.number().int().describe("Accounts measured"),
  excludedOrders: z.object({ currency: z.number().int() }).describe("Orders in another currency dated in the windows read, left out"),
  values: z.array(ZKpiValue),
});
export type TKpiValues = z.infer<typeof ZKpiValues>;

// -- scorecard ------------------------------------------------------------------------------

const ZWeight = z.number().min(0, "A weight cannot be negative").max(1000);

export const ZScorecardKpiConfig = z.object({
  key: ZKpiKey,
  target: z.number().min(-1e12).max(1e12),
  weight: ZWeight,
  tolerance: z.number().min(0, "A tolerance cannot be negative").max(1e12).describe("How far short of the target, in the KPI's unit, is still amber"),
}).strict();

export const ZScorecardConfig = z.object({
  perspectives: z.array(z.object({ key: ZScorecardPerspective, weight: ZWeight, kpis: z.array(ZScorecardKpiConfig).max(16) }).strict()).min(1).max(4),
  thresholds: z.object({ green: z.number().min(0).max(100), amber: z.number().min(0).max(100) }).strict().describe("Scores from which a perspective or the card is green, and amber"),
}).strict();
export type TScorecardConfig = z.infer<typeof ZScorecardConfig>;

export const ZScorecardConfigResponse = z.object({
  config: ZScorecardConfig,
  version: z.number().int().describe("0 while the organization uses the default configuration"),
  isDefault: z.boolean(),
  updatedAt: ZDateTime.nullable(),
  updatedBy: ZId.nullable(),
});
export type TScorecardConfigResponse = z.infer<typeof ZScorecardConfigResponse>;

export const ZPutScorecardConfigRequest = ZScorecardConfig.extend({
  version: z.number().int().min(0).optional().describe("The version read (0 for the default); a stale one is refused with 409"),
}).strict();
export type TPutScorecardConfigRequest = z.infer<typeof ZPutScorecardConfigRequest>;

export const ZQuarter = z.string().regex(/^\d{4}-Q[1-4]$/, "Use a quarter such as 2026-Q3");

export const ZScorecardQuery = z.object({ quarter: ZQuarter.optional().describe("Defaults to the current quarter") }).strict();
export const ZScorecardManagerParams = z.object({ userId: ZId });

const ZTrendPoint = z.object({ quarter: ZQuarter, value: z.number().nullable(), status: ZTrafficLight });

export const ZScorecardKpi = z.object({
  key: ZKpiKey,
  unit: ZKpiUnit,
  direction: ZKpiDirection,
  value: z.number().nullable(),
  target: z.number(),
  weight: z.number(),
  normalisedWeight: z.number(),
  tolerance: z.number(),
  attainment: z.number().nullable().describe("0-1: how much of the target is reached"),
  status: ZTrafficLight,
  trend: z.array(ZTrendPoint).describe("The last four quarters, oldest first, ending with the one asked for"),
});
export type TScorecardKpi = z.infer<typeof ZScorecardKpi>;

export const ZScorecardPerspectiveResult = z.object({
  key: ZScorecardPerspective,
  weight: z.number(),
  normalisedWeight: z.number(),
  score: z.number().nullable().describe("0-100, the weighted attainment of the measurable KPIs"),
  status: ZTrafficLight,
  kpis: z.array(ZScorecardKpi),
});

export const ZScorecard = z.object({
  subject: ZKpiSubject,
  quarter: ZQuarter,
  period: ZPeriod,
  currency: z.string(),
  accounts: z.number().int(),
  excludedOrders: z.object({ currency: z.number().int() }).describe("Orders in another currency, dated in the windows the quarter's revenue KPIs read, left out"),
  configVersion: z.number().int(),
  score: z.number().nullable(),
  status: ZTrafficLight,
  perspectives: z.array(ZScorecardPerspectiveResult),
  trend: z.array(z.object({ quarter: ZQuarter, score: z.number().nullable(), status: ZTrafficLight })),
});
export type TScorecard = z.infer<typeof ZScorecard>;
