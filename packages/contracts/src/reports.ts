import { ACCOUNT_TIERS, CASE_STATUSES, INTERACTION_TYPES, KPI_DIRECTIONS, KPI_KEYS, TASK_STATUSES, TEAM_ROLES } from "@openkam/domain";
import { PLAN_ACTION_STATUSES, PLAN_STATUSES } from "@openkam/domain/plans/index";
import { parseQuarter } from "@openkam/domain/reports/index";
import { z } from "zod";
import { ZAccountStatus, ZAccountTier } from "./accounts";
import { ZDate, ZDateTime, ZId } from "./common";
import { ZKpiValue, ZScorecard } from "./kpis";

/** `YYYY-Qn`; omitted = the current quarter in the organization's calendar. */
export const ZQuarterKey = z.string().max(7).refine((v) => parseQuarter(v) !== null, "Use a quarter such as 2026-Q3").describe("A calendar quarter, YYYY-Qn");

export const ZReportQuery = z.object({ quarter: ZQuarterKey.optional() }).strict();
export type TReportQuery = z.infer<typeof ZReportQuery>;

export const ZReportLanguage = z.enum(["zh-CN", "en"]);
/** The PDF and the workbook: the quarter and the language of their headings. */
export const ZQbrFileQuery = z.object({ quarter: ZQuarterKey.optional(), lang: ZReportLanguage.default("en") }).strict();
export type TQbrFileQuery = z.infer<typeof ZQbrFileQuery>;

const ZQuarterInfo = z.object({ key: z.string(), from: ZDate, to: ZDate });

export const ZReportLight = z.enum(["green", "amber", "red"]);

const ZPerson = z.object({ userId: ZId, name: z.string() });

export const ZQbrPlan = z.object({
  id: ZId,
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  periodStart: ZDate,
  periodEnd: ZDate,
  progress: z.number().nullable().describe("Weighted objective attainment, 0-100"),
  actionCompletion: z.number().nullable().describe("Share of live actions done, 0-100"),
  actions: z.object({ total: z.number().int(), done: z.number().int(), open: z.number().int(), overdue: z.number().int() }),
  objectives: z.array(z.object({ title: z.string(), baseline: z.number(), target: z.number(), current: z.number().nullable(), unit: z.string() })),
});

export const ZQbrInitiative = z.object({
  id: ZId,
  title: z.string(),
  status: z.string(),
  valueKind: z.string(),
  currency: z.string(),
  valuePromised: z.string(),
  valueDelivered: z.string(),
  investment: z.string(),
  roiPct: z.number().nullable(),
  targetDate: ZDate.nullable(),
});

export const ZQbrValueTotal = z.object({ currency: z.string(), valuePromised: z.string(), valueDelivered: z.string(), investment: z.string(), roiPct: z.number().nullable() });

export const ZQbrFeedback = z.object({
  id: ZId,
  title: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  severity: z.string(),
  status: z.string(),
  createdAt: ZDateTime,
  closedAt: ZDateTime.nullable(),
  action: z.string().nullable().describe("The improvement action (its task's title)"),
});

export const ZQbrSurveyComment = z.object({ submittedAt: ZDateTime, npsScore: z.number().nullable(), csatScore: z.number().nullable(), comment: z.string() });

export const ZQbrNextAction = z.object({
  planId: ZId,
  planTitle: z.string(),
  title: z.string(),
  dueDate: ZDate.nullable(),
  status: z.enum(PLAN_ACTION_STATUSES),
  ownerName: z.string().nullable(),
});

export const ZQbr = z.object({
  quarter: ZQuarterInfo,
  generatedAt: ZDateTime,
  account: z.object({
    id: ZId,
    name: z.string(),
    tier: ZAccountTier,
    status: ZAccountStatus,
    industry: z.string().nullable(),
    region: z.string().nullable(),
    currency: z.string(),
    owner: ZPerson.nullable(),
    team: z.array(ZPerson.extend({ teamRole: z.enum(TEAM_ROLES) })),
  }),
  kpis: z.array(ZKpiValue).describe("The KPI library's values for the account and quarter"),
  kpiCurrency: z.string().describe("The organization's currency, which money KPIs are in"),
  scorecard: ZScorecard.nullable().describe("The account's balanced scorecard for the quarter, as the KPI library builds it"),
  plans: z.array(ZQbrPlan).describe("Account plans whose period overlaps the quarter"),
  value: z.object({ initiatives: z.array(ZQbrInitiative), totals: z.array(ZQbrValueTotal).describe("Per currency") }),
  feedback: z.object({
    received: z.number().int(),
    closed: z.number().int(),
    open: z.number().int(),
    items: z.array(ZQbrFeedback).describe("You said, we did: feedback closed or acted on in the quarter"),
  }),
  surveys: z.object({
    responses: z.number().int(),
    nps: z.number().nullable(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    csat: z.number().nullable().describe("Mean CSAT, 1-5, two decimals (as the survey results)"),
    comments: z.array(ZQbrSurveyComment),
  }),
  service: z.object({
    interactions: z.object({ total: z.number().int(), byType: z.array(z.object({ type: z.enum(INTERACTION_TYPES), count: z.number().int() })) }),
    cases: z.object({
      opened: z.number().int(),
      resolved: z.number().int(),
      byStatus: z.array(z.object({ status: z.enum(CASE_STATUSES), count: z.number().int() })),
      firstResponseAttainment: z.number().nullable().describe("Share of stopped first-response clocks within target, 0-100"),
      resolutionAttainment: z.number().nullable(),
    }),
  }),
  nextQuarter: z.object({
    quarter: ZQuarterInfo,
    planActions: z.array(ZQbrNextAction).describe("Open plan actions due by the end of next quarter"),
    tasks: z.array(z.object({ id: ZId, title: z.string(), dueDate: ZDate.nullable(), status: z.enum(TASK_STATUSES), assigneeName: z.string().nullable() })),
    cadence: z.array(z.object({ kind: z.string(), dueOn: ZDate, status: z.string(), daysUntilDue: z.number().int() })),
  }),
});
export type TQbr = z.infer<typeof ZQbr>;

// -- programme dashboard -------------------------------------------------------------------------

const ZMeasures = {
  accounts: z.number().int(),
  revenue: z.string().describe("Confirmed orders in the quarter, organization currency"),
  revenueGrowthPct: z.number().nullable().describe("Against the same quarter a year before, one decimal (KPI revenue_growth_yoy)"),
  nps: z.number().nullable().describe("-100..100, one decimal (KPI nps)"),
  csat: z.number().nullable().describe("Share of CSAT answers that are 4 or 5, 0-100, one decimal (KPI csat)"),
  responses: z.number().int(),
  slaAttainment: z.number().nullable().describe("First-response and resolution clocks stopped within target, 0-100, one decimal (KPI sla_attainment)"),
  cadenceCompliance: z.number().nullable().describe("Share of worked accounts with no overdue contact, 0-100, one decimal (KPI cadence_compliance)"),
  planCompletion: z.number().nullable().describe("Share of the plan actions due in the quarter that are done, cancelled ones left out, 0-100, one decimal (KPI plan_action_completion)"),
  openFeedback: z.number().int(),
  overdueFeedback: z.number().int(),
};

export const ZDashboardSegment = z.object({ dimension: z.enum(["tier", "industry"]), key: z.string(), ...ZMeasures });
export type TDashboardSegment = z.infer<typeof ZDashboardSegment>;

export const ZDashboardLights = z.object({
  growth: ZReportLight.nullable(),
  nps: ZReportLight.nullable(),
  csat: ZReportLight.nullable(),
  sla: ZReportLight.nullable(),
  cadence: ZReportLight.nullable(),
  plan: ZReportLight.nullable(),
  feedback: ZReportLight.nullable(),
});

export const ZDashboardAccount = z.object({
  id: ZId,
  name: z.string(),
  tier: ZAccountTier,
  industry: z.string().nullable(),
  ownerName: z.string().nullable(),
  revenue: z.string(),
  revenueGrowthPct: z.number().nullable(),
  nps: z.number().nullable(),
  csat: z.number().nullable(),
  slaAttainment: z.number().nullable(),
  cadenceOverdue: z.boolean().nullable().describe("Null for accounts nobody works (inactive, churned)"),
  planCompletion: z.number().nullable(),
  openFeedback: z.number().int(),
  overdueFeedback: z.number().int(),
  lights: ZDashboardLights,
});
export type TDashboardAccount = z.infer<typeof ZDashboardAccount>;

export const ZDashboardTrendPoint = z.object({
  quarter: z.string(),
  nps: z.number().nullable(),
  csat: z.number().nullable().describe("Share of CSAT answers that are 4 or 5, 0-100"),
  responses: z.number().int(),
});

/** The scorecard KPI a measure is coloured against; null when the KPI is not on the organization's scorecard. */
export const ZDashboardTarget = z.object({
  kpi: z.enum(KPI_KEYS),
  target: z.number(),
  tolerance: z.number().describe("How far short of the target, in the KPI's unit, is still amber"),
  direction: z.enum(KPI_DIRECTIONS),
}).nullable();
export type TDashboardTarget = z.infer<typeof ZDashboardTarget>;

export const ZProgrammeDashboardQuery = z.object({
  quarter: ZQuarterKey.optional(),
  tier: z.union([z.enum(ACCOUNT_TIERS), z.array(z.enum(ACCOUNT_TIERS))]).optional().describe("Limit to these tiers"),
}).strict();
export type TProgrammeDashboardQuery = z.infer<typeof ZProgrammeDashboardQuery>;

/**
 * The dashboard's own figures over the accounts the caller sees. The KPI library's values and the
 * programme's scorecard are `GET /api/kpis/values?subject=programme` and `GET /api/scorecards/programme`,
 * which the page loads alongside.
 */
export const ZProgrammeDashboard = z.object({
  quarter: ZQuarterInfo,
  generatedAt: ZDateTime,
  currency: z.string(),
  targets: z.object({
    revenueGrowthPct: ZDashboardTarget,
    nps: ZDashboardTarget,
    csat: ZDashboardTarget,
    slaAttainment: ZDashboardTarget,
    cadenceCompliance: ZDashboardTarget,
    planCompletion: ZDashboardTarget,
  }).describe("The organization's scorecard configuration as the lights used it"),
  totals: z.object(ZMeasures),
  feedbackByStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  segments: z.array(ZDashboardSegment),
  trend: z.array(ZDashboardTrendPoint).describe("Survey answers over the last eight quarters, oldest first (revenue growth is in the KPIs and per account)"),
  effort: z.unknown().nullable().describe("The effort split between key and growth accounts, when effort is logged"),
  accounts: z.array(ZDashboardAccount),
});
export type TProgrammeDashboard = z.infer<typeof ZProgrammeDashboard>;
