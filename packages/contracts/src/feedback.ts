import { FEEDBACK_SEVERITIES, FEEDBACK_SOURCES, FEEDBACK_STATUSES } from "@openkam/domain";
import { z } from "zod";
import { ZDate, ZDateTime, ZId, ZListQuery, ZOptionalText, ZPage, ZQueryBool, ZRequiredText, ZVersion } from "./common";
import { ZTaskPriority, ZTaskStatus } from "./tasks";

export const ZFeedbackSource = z.enum(FEEDBACK_SOURCES);
export const ZFeedbackSeverity = z.enum(FEEDBACK_SEVERITIES);
export const ZFeedbackStatus = z.enum(FEEDBACK_STATUSES);

const ZStatusDurations = z.object(Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, z.number()])) as Record<(typeof FEEDBACK_STATUSES)[number], z.ZodNumber>);

export const ZFeedbackAction = z.object({
  id: ZId,
  title: z.string(),
  status: ZTaskStatus,
  assigneeUserId: ZId.nullable(),
  assigneeName: z.string().nullable(),
  dueDate: ZDate.nullable(),
  completedAt: ZDateTime.nullable(),
}).describe("The improvement action: the task made when the item was planned");

export const ZFeedbackItem = z.object({
  id: ZId,
  accountId: ZId,
  accountName: z.string(),
  source: ZFeedbackSource,
  sourceId: ZId.nullable().describe("The survey response, interaction or case it came from"),
  title: z.string().describe("What the customer said, in a line"),
  description: z.string().nullable(),
  category: z.string().nullable(),
  severity: ZFeedbackSeverity,
  area: z.string().nullable().describe("The product or area concerned"),
  ownerUserId: ZId.nullable(),
  ownerName: z.string().nullable(),
  status: ZFeedbackStatus,
  action: ZFeedbackAction.nullable(),
  emailFrom: z.string().nullable(),
  emailSentAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  statusChangedAt: ZDateTime,
  closedAt: ZDateTime.nullable(),
  dueAt: ZDateTime.nullable().describe("When the item should leave its current state (per severity); null once closed"),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  version: z.number().int(),
});
export type TFeedbackItem = z.infer<typeof ZFeedbackItem>;

export const ZFeedbackTransition = z.object({
  id: ZId,
  from: ZFeedbackStatus,
  to: ZFeedbackStatus,
  at: ZDateTime,
  byUserId: ZId.nullable(),
  byName: z.string().nullable(),
  note: z.string().nullable(),
});
export type TFeedbackTransition = z.infer<typeof ZFeedbackTransition>;

export const ZFeedbackDetail = ZFeedbackItem.extend({
  transitions: z.array(ZFeedbackTransition).describe("Oldest first"),
  timeInStateMs: ZStatusDurations.describe("Milliseconds spent in each state so far; the current state counts up to now"),
  nextStatuses: z.array(ZFeedbackStatus).describe("The moves the caller may make now"),
});
export type TFeedbackDetail = z.infer<typeof ZFeedbackDetail>;

const feedbackFields = {
  title: ZRequiredText(300),
  description: ZOptionalText(20_000),
  category: ZOptionalText(100),
  severity: ZFeedbackSeverity,
  area: ZOptionalText(200),
  ownerUserId: ZId.nullable().optional().describe("An active member; defaults to the account's owner, else the creator"),
};

export const ZCreateFeedbackRequest = z
  .object({
    ...feedbackFields,
    accountId: ZId,
    source: z.enum(["interaction", "case", "email", "manual"]).describe("Survey feedback is made by the surveys module"),
    sourceId: ZId.optional().describe("The interaction or case (required for those sources, on the same account)"),
    emailFrom: ZOptionalText(320).describe("E-mail only: the sender"),
    emailSentAt: ZDateTime.nullable().optional().describe("E-mail only: when it was sent"),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.source === "interaction" || v.source === "case") && !v.sourceId) ctx.addIssue({ code: "custom", path: ["sourceId"], message: `Feedback from ${v.source === "interaction" ? "an interaction" : "a case"} names it` });
    if ((v.source === "email" || v.source === "manual") && v.sourceId) ctx.addIssue({ code: "custom", path: ["sourceId"], message: `Feedback from ${v.source === "email" ? "an e-mail" : "manual entry"} has no source record` });
    if (v.source === "email" && !v.description) ctx.addIssue({ code: "custom", path: ["description"], message: "Paste the customer's message" });
    if (v.source === "email" && !v.emailFrom) ctx.addIssue({ code: "custom", path: ["emailFrom"], message: "Say who sent the e-mail" });
    if (v.source !== "email" && (v.emailFrom || v.emailSentAt)) ctx.addIssue({ code: "custom", path: ["emailFrom"], message: "Only e-mail feedback has a sender and a date" });
  });
export type TCreateFeedbackRequest = z.infer<typeof ZCreateFeedbackRequest>;

export const ZUpdateFeedbackRequest = z
  .object({ ...feedbackFields, title: feedbackFields.title.optional(), severity: ZFeedbackSeverity.optional(), version: ZVersion.optional() })
  .strict();
export type TUpdateFeedbackRequest = z.infer<typeof ZUpdateFeedbackRequest>;

export const ZFeedbackPlannedTask = z
  .object({
    title: ZRequiredText(300),
    description: ZOptionalText(20_000),
    assigneeUserId: ZId.describe("Anyone active in the organization, also in another department"),
    dueDate: ZDate.nullable().optional(),
    priority: ZTaskPriority.optional(),
  })
  .strict();

export const ZFeedbackTransitionRequest = z
  .object({
    to: ZFeedbackStatus,
    note: ZOptionalText(5_000).describe("Required to inform (how the customer was told) and to reopen (why)"),
    task: ZFeedbackPlannedTask.optional().describe("Required to plan: the improvement action, created as a task in the same transaction"),
    version: ZVersion.optional(),
  })
  .strict();
export type TFeedbackTransitionRequest = z.infer<typeof ZFeedbackTransitionRequest>;

export const ZListFeedbackQuery = ZListQuery.extend({
  q: ZListQuery.shape.q.describe("Text search on the title"),
  accountId: ZId.optional(),
  status: z.union([ZFeedbackStatus, z.array(ZFeedbackStatus)]).optional(),
  severity: z.union([ZFeedbackSeverity, z.array(ZFeedbackSeverity)]).optional(),
  source: ZFeedbackSource.optional(),
  sourceId: ZId.optional(),
  ownerUserId: ZId.optional(),
  mine: ZQueryBool.optional().describe("true: only items I own"),
  overdue: ZQueryBool.optional().describe("true: open items past their state's deadline"),
});
export type TListFeedbackQuery = z.infer<typeof ZListFeedbackQuery>;

export const ZFeedbackPage = ZPage(ZFeedbackItem);

const ZDurationStats = z.object({ count: z.number().int(), medianDays: z.number().nullable(), avgDays: z.number().nullable() });

export const ZFeedbackMetricsQuery = z.object({
  accountId: ZId.optional(),
  from: ZDate.optional().describe("Items raised on or after this day (default: a year ago)"),
  to: ZDate.optional().describe("Items raised on or before this day (default: today)"),
});

export const ZFeedbackMetrics = z.object({
  from: ZDate,
  to: ZDate,
  total: z.number().int(),
  timeInState: z.object({ new: ZDurationStats, acknowledged: ZDurationStats, planned: ZDurationStats, done: ZDurationStats, informed: ZDurationStats })
    .describe("Completed stays in each state"),
  openByStatus: z.object({ new: z.number().int(), acknowledged: z.number().int(), planned: z.number().int(), done: z.number().int(), informed: z.number().int() }),
  overdue: z.number().int(),
  closure: ZDurationStats.describe("From raised to closed"),
});
export type TFeedbackMetrics = z.infer<typeof ZFeedbackMetrics>;

export const ZFeedbackReportQuery = z.object({
  from: ZDate.optional().describe("Closed on or after this day (default: 90 days ago)"),
  to: ZDate.optional().describe("Closed on or before this day (default: today)"),
});

export const ZYouSaidWeDidEntry = z.object({
  id: ZId,
  youSaid: z.string(),
  details: z.string().nullable(),
  category: z.string().nullable(),
  area: z.string().nullable(),
  severity: ZFeedbackSeverity,
  source: ZFeedbackSource,
  weDid: z.string().nullable(),
  actionDetails: z.string().nullable(),
  howWeTold: z.string().nullable(),
  raisedAt: ZDateTime,
  closedAt: ZDateTime,
  daysToClose: z.number().int(),
});

export const ZYouSaidWeDid = z.object({
  account: z.object({ id: ZId, name: z.string() }),
  from: ZDate,
  to: ZDate,
  entries: z.array(ZYouSaidWeDidEntry),
  total: z.number().int(),
  closure: z.object({ medianDays: z.number().nullable(), avgDays: z.number().nullable() }),
  byCategory: z.array(z.object({ category: z.string().nullable(), count: z.number().int() })),
});
export type TYouSaidWeDid = z.infer<typeof ZYouSaidWeDid>;

export const ZDeleteFeedbackQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
