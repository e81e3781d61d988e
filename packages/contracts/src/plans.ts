import { PLAN_ACTION_STATUSES, PLAN_CHANGES, PLAN_KPI_KINDS, PLAN_RISK_LEVELS, PLAN_STATUSES, PLAN_TEMPLATE_KEYS } from "@openkam/domain/plans/index";
import { z } from "zod";
import { withoutNul, ZDate, ZDateTime, ZId, ZOptionalText, ZRequiredText, ZVersion } from "./common";

export const ZPlanStatus = z.enum(PLAN_STATUSES);
export const ZPlanKpiKind = z.enum(PLAN_KPI_KINDS);
export const ZPlanTemplateKey = z.enum(PLAN_TEMPLATE_KEYS);
export const ZPlanLocale = z.enum(["en", "zh-CN"]);

const ZLine = withoutNul(z.string().trim().min(1, "Required").max(1000));
const ZLines = z.array(ZLine).max(50);
const ZMeasure = z.number().finite().min(-1e12).max(1e12);

export const ZPlanObjective = z.object({
  id: ZId,
  title: ZRequiredText(300),
  kpiKind: ZPlanKpiKind.describe("What the target measures: revenue, share of wallet, satisfaction or something else"),
  unit: withoutNul(z.string().trim().max(30)).default(""),
  baseline: ZMeasure,
  target: ZMeasure,
  current: ZMeasure.nullable().describe("The latest measured value; null while unmeasured"),
  weight: z.number().int().min(0).max(10).default(1).describe("The objective's weight in the plan's progress, 0-10"),
}).strict();
export type TPlanObjective = z.infer<typeof ZPlanObjective>;

export const ZPlanAction = z.object({
  id: ZId,
  title: ZRequiredText(300),
  ownerUserId: ZId.nullable(),
  dueDate: ZDate.nullable().describe("Within the plan's period"),
  status: z.enum(PLAN_ACTION_STATUSES),
  progress: z.number().int().min(0).max(100),
  objectiveId: ZId.nullable().describe("The objective the action serves"),
  taskId: ZId.nullable().describe("The task on the task board that carries the action; set by the server"),
}).strict();
export type TPlanAction = z.infer<typeof ZPlanAction>;

export const ZPlanRisk = z.object({
  id: ZId,
  description: ZRequiredText(1000),
  likelihood: z.enum(PLAN_RISK_LEVELS),
  impact: z.enum(PLAN_RISK_LEVELS),
  mitigation: withoutNul(z.string().trim().max(2000)).default(""),
}).strict();
export type TPlanRisk = z.infer<typeof ZPlanRisk>;

export const ZPlanContent = z.object({
  situation: withoutNul(z.string().trim().max(20_000)),
  swot: z.object({ strengths: ZLines, weaknesses: ZLines, opportunities: ZLines, threats: ZLines }).strict(),
  customerGoals: ZLines.describe("What the customer wants to achieve, in their words"),
  objectives: z.array(ZPlanObjective).max(50),
  actions: z.array(ZPlanAction).max(200),
  risks: z.array(ZPlanRisk).max(50),
}).strict();
export type TPlanContent = z.infer<typeof ZPlanContent>;

export const ZPlanTemplate = z.object({
  key: ZPlanTemplateKey,
  name: z.string(),
  description: z.string(),
  objectiveCount: z.number().int(),
});
export type TPlanTemplate = z.infer<typeof ZPlanTemplate>;
export const ZPlanTemplateList = z.object({ items: z.array(ZPlanTemplate) });
export const ZPlanTemplatesQuery = z.object({ lang: ZPlanLocale.default("en") });

const ZPlanHeader = {
  id: ZId,
  accountId: ZId,
  title: z.string(),
  templateKey: ZPlanTemplateKey,
  periodStart: ZDate,
  periodEnd: ZDate,
  status: ZPlanStatus,
  progress: z.number().int().nullable().describe("Weighted objective attainment, 0-100; null without weighted objectives"),
  actionCompletion: z.number().int().nullable().describe("Share of live actions that are done, 0-100"),
  submittedAt: ZDateTime.nullable(),
  approvedVersion: z.number().int().nullable().describe("The version the director approved"),
  approvedAt: ZDateTime.nullable(),
  approvedBy: ZId.nullable(),
  reviewComment: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
};

export const ZPlanSummary = z.object(ZPlanHeader);
export type TPlanSummary = z.infer<typeof ZPlanSummary>;
export const ZPlanList = z.object({ items: z.array(ZPlanSummary) });

export const ZPlan = z.object({ ...ZPlanHeader, content: ZPlanContent });
export type TPlan = z.infer<typeof ZPlan>;

export const ZCreatePlanRequest = z.object({
  templateKey: ZPlanTemplateKey,
  title: ZRequiredText(200),
  periodStart: ZDate,
  periodEnd: ZDate,
  locale: ZPlanLocale.default("en").describe("The language the template's sections are written in"),
}).strict();
export type TCreatePlanRequest = z.input<typeof ZCreatePlanRequest>;

export const ZUpdatePlanRequest = z.object({
  title: ZRequiredText(200).optional(),
  periodStart: ZDate.optional(),
  periodEnd: ZDate.optional(),
  content: ZPlanContent.optional().describe("All sections at once; new actions (no taskId) become tasks"),
  version: ZVersion.optional(),
}).strict();
export type TUpdatePlanRequest = z.input<typeof ZUpdatePlanRequest>;

export const ZPlanTransitionRequest = z.object({
  comment: ZOptionalText(2000),
  version: ZVersion.optional(),
}).strict();
export type TPlanTransitionRequest = z.input<typeof ZPlanTransitionRequest>;

export const ZPlanVersionSummary = z.object({
  version: z.number().int(),
  change: z.enum(PLAN_CHANGES),
  status: ZPlanStatus,
  title: z.string(),
  progress: z.number().int().nullable(),
  createdBy: ZId.nullable(),
  createdByName: z.string().nullable(),
  createdAt: ZDateTime,
});
export type TPlanVersionSummary = z.infer<typeof ZPlanVersionSummary>;
export const ZPlanVersionList = z.object({ items: z.array(ZPlanVersionSummary) });

export const ZPlanVersion = ZPlanVersionSummary.extend({ planId: ZId, periodStart: ZDate, periodEnd: ZDate, content: ZPlanContent });
export type TPlanVersion = z.infer<typeof ZPlanVersion>;

export const ZPlanVersionParams = z.object({ id: ZId, n: z.coerce.number().int().min(1).max(1_000_000) });
export const ZPlanPdfQuery = z.object({ lang: ZPlanLocale.default("en") });
export const ZDeletePlanQuery = z.object({ version: z.coerce.number().int().min(1).optional().describe("The version you read, unless sent as If-Match") }).strict();
