import {
  BUSINESS_UNIT_KINDS, INITIATIVE_STATUSES, INITIATIVE_VALUE_KINDS, OPPORTUNITY_STAGES, WHITESPACE_MANUAL_STATES, WHITESPACE_STATES,
} from "@openkam/domain";
import { z } from "zod";
import { ZCurrency, ZDate, ZDateTime, ZId, ZOptionalText, ZRequiredText, withoutNul } from "./common";

/** Money in growth planning: a decimal string, never negative. */
const ZAmount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, "Use a positive decimal amount with at most 2 decimals, e.g. 1234.50"));

const ZGrowthVersion = z.number().int().min(1).describe("The version you read; a stale one is refused with 409");
export const ZGrowthDeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional().describe("The version you read, unless sent as If-Match") }).strict();

export const ZOpportunityStage = z.enum(OPPORTUNITY_STAGES);
export const ZProbability = z.number().int("Use a whole percentage").min(0, "Probability is 0 to 100").max(100, "Probability is 0 to 100");

// ---------- Opportunities ----------

export const ZOpportunity = z.object({
  id: ZId,
  accountId: ZId,
  accountName: z.string(),
  name: z.string(),
  stage: ZOpportunityStage,
  value: z.string(),
  currency: z.string(),
  probability: z.number().int(),
  weightedValue: z.string().describe("value × probability, to the cent"),
  expectedCloseDate: ZDate.nullable(),
  ownerUserId: ZId.nullable(),
  ownerName: z.string().nullable(),
  productId: ZId.nullable(),
  productName: z.string().nullable(),
  businessUnitId: ZId.nullable(),
  notes: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TOpportunity = z.infer<typeof ZOpportunity>;

export const ZCreateOpportunityRequest = z.object({
  name: ZRequiredText(200),
  stage: ZOpportunityStage.default("qualify"),
  value: ZAmount,
  currency: ZCurrency,
  probability: ZProbability,
  expectedCloseDate: ZDate.nullable().optional(),
  ownerUserId: ZId.nullable().optional().describe("Defaults to the creator"),
  productId: ZId.nullable().optional(),
  businessUnitId: ZId.nullable().optional(),
  notes: ZOptionalText(10_000),
}).strict();
export type TCreateOpportunityRequest = z.infer<typeof ZCreateOpportunityRequest>;

export const ZUpdateOpportunityRequest = z.object({
  name: ZRequiredText(200).optional(),
  stage: ZOpportunityStage.optional(),
  value: ZAmount.optional(),
  currency: ZCurrency.optional(),
  probability: ZProbability.optional(),
  expectedCloseDate: ZDate.nullable().optional(),
  ownerUserId: ZId.nullable().optional(),
  productId: ZId.nullable().optional(),
  businessUnitId: ZId.nullable().optional(),
  notes: ZOptionalText(10_000),
  version: ZGrowthVersion.optional(),
}).strict();
export type TUpdateOpportunityRequest = z.infer<typeof ZUpdateOpportunityRequest>;

export const ZCurrencyPipeline = z.object({ currency: z.string(), count: z.number().int(), total: z.string(), weighted: z.string() });
export const ZStageTotal = z.object({ stage: ZOpportunityStage, currency: z.string(), count: z.number().int(), total: z.string(), weighted: z.string() });

export const ZOpportunityList = z.object({
  items: z.array(ZOpportunity),
  truncated: z.boolean().describe("More opportunities match than were returned; the totals still count them all"),
  stageTotals: z.array(ZStageTotal).describe("Per stage and currency, in funnel order"),
  weightedPipeline: z.array(ZCurrencyPipeline).describe("Open opportunities only, one line per currency (currencies are never converted)"),
});
export type TOpportunityList = z.infer<typeof ZOpportunityList>;

const ZQueryList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().max(500).transform((v) => v.split(",").filter((s) => s !== "")).pipe(z.array(z.enum(values)).max(values.length));

export const ZPipelineQuery = z.object({
  stage: ZQueryList(OPPORTUNITY_STAGES).optional().describe("Comma-separated stages"),
  open: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("true: open stages only; false: won and lost only"),
  ownerUserId: ZId.optional(),
  accountId: ZId.optional(),
  currency: ZCurrency.optional(),
  closeFrom: ZDate.optional().describe("Expected close on or after"),
  closeTo: ZDate.optional().describe("Expected close on or before"),
  q: withoutNul(z.string().trim().max(200)).optional().describe("Text search on the opportunity and account names"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
}).strict();
export type TPipelineQuery = z.infer<typeof ZPipelineQuery>;

// ---------- Business units and whitespace ----------

export const ZBusinessUnitKind = z.enum(BUSINESS_UNIT_KINDS);

export const ZBusinessUnit = z.object({
  id: ZId,
  accountId: ZId,
  name: z.string(),
  kind: ZBusinessUnitKind,
  notes: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TBusinessUnit = z.infer<typeof ZBusinessUnit>;

export const ZCreateBusinessUnitRequest = z.object({ name: ZRequiredText(200), kind: ZBusinessUnitKind.default("business_unit"), notes: ZOptionalText(2_000) }).strict();
export type TCreateBusinessUnitRequest = z.infer<typeof ZCreateBusinessUnitRequest>;
export const ZUpdateBusinessUnitRequest = z.object({ name: ZRequiredText(200).optional(), kind: ZBusinessUnitKind.optional(), notes: ZOptionalText(2_000), version: ZGrowthVersion.optional() }).strict();
export type TUpdateBusinessUnitRequest = z.infer<typeof ZUpdateBusinessUnitRequest>;
export const ZBusinessUnitParams = z.object({ id: ZId, unitId: ZId });

export const ZWhitespaceState = z.enum(WHITESPACE_STATES);

export const ZWhitespaceCell = z.object({
  businessUnitId: ZId,
  productId: ZId,
  state: ZWhitespaceState.nullable().describe("Derived: bought, then in pipeline, then the manual state; null is white space"),
  manualState: z.enum(WHITESPACE_MANUAL_STATES).nullable(),
  boughtRecently: z.boolean().describe("The account ordered the product in the last 24 months"),
  openOpportunities: z.number().int(),
  estimatedValue: z.string().nullable(),
  currency: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int().describe("0 while nothing was set on the cell"),
});
export type TWhitespaceCell = z.infer<typeof ZWhitespaceCell>;

export const ZWhitespaceProduct = z.object({ id: ZId, sku: z.string(), name: z.string(), category: z.string().nullable(), lastOrderDate: ZDate.nullable() });

export const ZWhitespaceMap = z.object({
  accountId: ZId,
  businessUnits: z.array(ZBusinessUnit),
  products: z.array(ZWhitespaceProduct).describe("Active products, and any product bought, in pipeline or set on a cell; by category and name"),
  cells: z.array(ZWhitespaceCell).describe("Only cells with something to show; a missing cell is white space"),
  totals: z.array(z.object({ state: ZWhitespaceState, currency: z.string(), cells: z.number().int(), estimatedValue: z.string() })),
});
export type TWhitespaceMap = z.infer<typeof ZWhitespaceMap>;

export const ZPutWhitespaceCellsRequest = z.object({
  cells: z.array(z.object({
    businessUnitId: ZId,
    productId: ZId,
    state: z.enum(WHITESPACE_MANUAL_STATES).nullable().describe("null clears the manual state"),
    estimatedValue: ZAmount.nullable().optional(),
    currency: ZCurrency.nullable().optional(),
    notes: ZOptionalText(2_000),
    version: z.number().int().min(0).optional().describe("The cell version you read, 0 for a cell never set; a stale one is refused with 409"),
  }).strict().refine((c) => (c.estimatedValue == null) === (c.currency == null), { message: "Give an estimated value together with its currency", path: ["currency"] }))
    .min(1).max(500),
}).strict();
export type TPutWhitespaceCellsRequest = z.infer<typeof ZPutWhitespaceCellsRequest>;

// ---------- Value co-creation ----------

export const ZInitiativeStatus = z.enum(INITIATIVE_STATUSES);
export const ZInitiativeValueKind = z.enum(INITIATIVE_VALUE_KINDS);

export const ZInitiative = z.object({
  id: ZId,
  accountId: ZId,
  title: z.string(),
  description: z.string().nullable(),
  status: ZInitiativeStatus,
  valueKind: ZInitiativeValueKind,
  customerContactId: ZId.nullable(),
  customerContactName: z.string().nullable(),
  ownerUserId: ZId.nullable(),
  ownerName: z.string().nullable(),
  currency: z.string(),
  valuePromised: z.string(),
  valueDelivered: z.string(),
  investment: z.string(),
  roi: z.number().nullable().describe("(delivered − investment) / investment, e.g. 1.5 = 150%; null without an investment"),
  startDate: ZDate.nullable(),
  targetDate: ZDate.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TInitiative = z.infer<typeof ZInitiative>;

const initiativeFields = {
  title: ZRequiredText(200),
  description: ZOptionalText(10_000),
  status: ZInitiativeStatus,
  valueKind: ZInitiativeValueKind,
  customerContactId: ZId.nullable().optional(),
  ownerUserId: ZId.nullable().optional(),
  currency: ZCurrency,
  valuePromised: ZAmount,
  valueDelivered: ZAmount,
  investment: ZAmount,
  startDate: ZDate.nullable().optional(),
  targetDate: ZDate.nullable().optional(),
};

export const ZCreateInitiativeRequest = z.object({
  ...initiativeFields,
  status: initiativeFields.status.default("proposed"),
  valueKind: initiativeFields.valueKind.default("cost_saved"),
  valuePromised: initiativeFields.valuePromised.default("0"),
  valueDelivered: initiativeFields.valueDelivered.default("0"),
  investment: initiativeFields.investment.default("0"),
}).strict();
export type TCreateInitiativeRequest = z.infer<typeof ZCreateInitiativeRequest>;

export const ZUpdateInitiativeRequest = z.object({
  title: initiativeFields.title.optional(),
  description: initiativeFields.description,
  status: initiativeFields.status.optional(),
  valueKind: initiativeFields.valueKind.optional(),
  customerContactId: initiativeFields.customerContactId,
  ownerUserId: initiativeFields.ownerUserId,
  currency: initiativeFields.currency.optional(),
  valuePromised: initiativeFields.valuePromised.optional(),
  valueDelivered: initiativeFields.valueDelivered.optional(),
  investment: initiativeFields.investment.optional(),
  startDate: initiativeFields.startDate,
  targetDate: initiativeFields.targetDate,
  version: ZGrowthVersion.optional(),
}).strict();
export type TUpdateInitiativeRequest = z.infer<typeof ZUpdateInitiativeRequest>;

export const ZInitiativeList = z.object({ items: z.array(ZInitiative) });

// ---------- Customer journey ----------

const ZItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Use letters, digits, - and _ (at most 40)");

export const ZJourneyTouchpoint = z.object({ id: ZItemId, name: ZRequiredText(200), channel: ZOptionalText(100).transform((v) => v ?? null) }).strict();
export const ZJourneyPainPoint = z.object({
  id: ZItemId,
  description: ZRequiredText(1_000),
  severity: z.number().int("Severity is a whole number").min(1, "Severity is 1 to 5").max(5, "Severity is 1 to 5"),
}).strict();
export const ZJourneyAction = z.object({
  id: ZId.describe("A UUID made by the client; it becomes the task's source id"),
  description: ZRequiredText(1_000),
  painPointId: ZItemId.nullable().optional().transform((v) => v ?? null),
  dueDate: ZDate.nullable().optional().transform((v) => v ?? null),
  taskId: ZId.nullable().optional().transform((v) => v ?? null).describe("Set by the server when the action becomes a task"),
}).strict();

export const ZJourneyStage = z.object({
  key: ZItemId,
  name: ZRequiredText(100),
  touchpoints: z.array(ZJourneyTouchpoint).max(50),
  painPoints: z.array(ZJourneyPainPoint).max(50),
  actions: z.array(ZJourneyAction).max(50),
}).strict();
export type TJourneyStage = z.infer<typeof ZJourneyStage>;

/** The stored shape, as answered (the request schemas above clean input with transforms, which responses must not have). */
export const ZJourneyStageView = z.object({
  key: z.string(),
  name: z.string(),
  touchpoints: z.array(z.object({ id: z.string(), name: z.string(), channel: z.string().nullable() })),
  painPoints: z.array(z.object({ id: z.string(), description: z.string(), severity: z.number().int() })),
  actions: z.array(z.object({ id: ZId, description: z.string(), painPointId: z.string().nullable(), dueDate: ZDate.nullable(), taskId: ZId.nullable() })),
});

export const ZJourney = z.object({
  accountId: ZId,
  stages: z.array(ZJourneyStageView),
  updatedAt: ZDateTime.nullable(),
  version: z.number().int().describe("0 while the account still has the default journey"),
});
export type TJourney = z.infer<typeof ZJourney>;

export const ZPutJourneyRequest = z.object({
  stages: z.array(ZJourneyStage).min(1, "A journey needs at least one stage").max(20),
  version: z.number().int().min(0).optional().describe("The version you read, 0 for the default journey; a stale one is refused with 409"),
}).strict();
export type TPutJourneyRequest = z.infer<typeof ZPutJourneyRequest>;

export const ZJourneyActionParams = z.object({ id: ZId, actionId: ZId });
export const ZJourneyActionTaskRequest = z.object({
  assigneeUserId: ZId.nullable().optional(),
}).strict();
export const ZJourneyActionTask = z.object({ taskId: ZId, journey: ZJourney });
