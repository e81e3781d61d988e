import { CASE_ACTIONS, CASE_EVENT_TYPES, CASE_STATUSES, SLA_PRIORITIES, SLA_STATE_SEVERITY, WEEKDAYS, type SlaState, type Weekday } from "@openkam/domain";
import { z } from "zod";
import { ZAccountTier } from "./accounts";
import { ZDate, ZDateTime, ZId, ZOptionalText, ZRequiredText, withoutNul } from "./common";

export const ZSlaPriority = z.enum(SLA_PRIORITIES).describe("P1 (most urgent) to P4");
export const ZCaseStatus = z.enum(CASE_STATUSES).describe("open, in_progress, waiting_on_customer (pauses the SLA clocks) or resolved");
export const ZCaseAction = z.enum(CASE_ACTIONS);
export type TCaseAction = z.infer<typeof ZCaseAction>;
export const ZCaseEventType = z.enum(CASE_EVENT_TYPES);
const STATE_MEANINGS: Record<SlaState, string> = {
  running: "counting, more than a fifth of the target left",
  at_risk: "counting, less than a fifth of the target left",
  paused: "waiting on the customer",
  met: "stopped within the target",
  breached: "past the target",
};
export const ZSlaState = z
  .enum(SLA_STATE_SEVERITY as [SlaState, ...SlaState[]])
  .describe(Object.entries(STATE_MEANINGS).map(([state, meaning]) => `${state}: ${meaning}`).join("; "));

export const ZServiceVersion = z.number().int().min(0).describe("The version you read (0 while nothing has been set); a stale one is refused with 409");

/** The longest target: a year of minutes. */
export const MAX_SLA_MINUTES = 525_600;
const minutes = z.number().int("Use a whole number of minutes").min(1, "Use at least 1 minute").max(MAX_SLA_MINUTES, `Use at most ${MAX_SLA_MINUTES} minutes (a year)`);

// ---------------------------------------------------------------------------------------------
// Policies

export const ZSlaPolicy = z.object({
  tier: ZAccountTier,
  priority: ZSlaPriority,
  firstResponseMinutes: z.number().describe("Minutes to the first answer"),
  resolutionMinutes: z.number().describe("Minutes to the resolution"),
  businessHours: z.boolean().describe("True: counted in the service calendar's business hours; false: around the clock"),
  isDefault: z.boolean().describe("True while the organization follows OpenKAM's default for this tier and priority"),
  updatedAt: ZDateTime.nullable(),
  version: ZServiceVersion,
});
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>;

export const ZSlaPolicyList = z.object({ items: z.array(ZSlaPolicy).describe("Every tier × priority, strategic P1 first") });
export type TSlaPolicyList = z.infer<typeof ZSlaPolicyList>;

export const ZSlaPolicyParams = z.object({ tier: ZAccountTier, priority: ZSlaPriority });

export const ZPutSlaPolicyRequest = z
  .object({ firstResponseMinutes: minutes, resolutionMinutes: minutes, businessHours: z.boolean(), version: ZServiceVersion.optional() })
  .strict()
  .refine((v) => v.firstResponseMinutes <= v.resolutionMinutes, { message: "The first response cannot be due after the resolution", path: ["firstResponseMinutes"] });
export type TPutSlaPolicyRequest = z.infer<typeof ZPutSlaPolicyRequest>;

// ---------------------------------------------------------------------------------------------
// Calendar

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const ZBusinessInterval = z.object({
  start: z.string().regex(TIME, "Use a time HH:MM from 00:00 to 24:00"),
  end: z.string().regex(TIME, "Use a time HH:MM from 00:00 to 24:00"),
}).strict();
export const ZWeeklyHours = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(ZBusinessInterval).max(6)])) as Record<Weekday, z.ZodArray<typeof ZBusinessInterval>>)
  .describe("Opening hours per weekday (mon … sun); an empty list is a closed day");
export const ZServiceHoliday = z.object({ date: ZDate, name: withoutNul(z.string().trim().max(100)) }).strict();

export const ZServiceCalendar = z.object({
  timeZone: z.string().describe("The zone the hours and holidays are read in"),
  timeZoneIsOrganization: z.boolean().describe("True when the calendar follows the organization's time zone"),
  weeklyHours: ZWeeklyHours,
  holidays: z.array(ZServiceHoliday),
  updatedAt: ZDateTime.nullable(),
  version: ZServiceVersion,
});
export type TServiceCalendar = z.infer<typeof ZServiceCalendar>;

export const ZPutServiceCalendarRequest = z
  .object({
    timeZone: z.string().max(64).nullable().describe("An IANA zone, e.g. Asia/Shanghai; null follows the organization's"),
    weeklyHours: ZWeeklyHours,
    holidays: z.array(ZServiceHoliday).max(400),
    version: ZServiceVersion.optional(),
  })
  .strict();
export type TPutServiceCalendarRequest = z.infer<typeof ZPutServiceCalendarRequest>;

// ---------------------------------------------------------------------------------------------
// Contracted scope

const scopeItem = withoutNul(z.string().trim().min(1, "Required").max(200));
export const ZServiceScope = z.object({
  accountId: ZId,
  included: z.array(z.string()),
  excluded: z.array(z.string()),
  notes: z.string().nullable(),
  updatedAt: ZDateTime.nullable(),
  version: ZServiceVersion,
});
export type TServiceScope = z.infer<typeof ZServiceScope>;

export const ZPutServiceScopeRequest = z
  .object({
    included: z.array(scopeItem).max(50),
    excluded: z.array(scopeItem).max(50),
    notes: ZOptionalText(4000),
    version: ZServiceVersion.optional(),
  })
  .strict();
export type TPutServiceScopeRequest = z.infer<typeof ZPutServiceScopeRequest>;

// ---------------------------------------------------------------------------------------------
// Cases

export const ZSlaClock = z.object({
  state: ZSlaState,
  targetMinutes: z.number(),
  businessHours: z.boolean(),
  elapsedMinutes: z.number(),
  remainingMinutes: z.number(),
  dueAt: ZDateTime.nullable().describe("When the target is (or was) reached; null while paused or once stopped in time"),
  stoppedAt: ZDateTime.nullable(),
});
export type TSlaClock = z.infer<typeof ZSlaClock>;

export const ZCaseSla = z.object({
  state: ZSlaState.describe("The worse of the two clocks"),
  firstResponse: ZSlaClock,
  resolution: ZSlaClock,
  computedAt: ZDateTime.describe("The instant the clocks were read at"),
});
export type TCaseSla = z.infer<typeof ZCaseSla>;

export const ZCase = z.object({
  id: ZId,
  accountId: ZId,
  accountName: z.string(),
  tier: ZAccountTier.describe("The account's tier when the case was opened"),
  title: z.string(),
  description: z.string().nullable(),
  priority: ZSlaPriority,
  status: ZCaseStatus,
  assigneeUserId: ZId.nullable(),
  assigneeName: z.string().nullable(),
  openedAt: ZDateTime,
  firstResponseAt: ZDateTime.nullable(),
  resolvedAt: ZDateTime.nullable(),
  actions: z.array(ZCaseAction).describe("The actions open to the case in its status"),
  sla: ZCaseSla,
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TCase = z.infer<typeof ZCase>;

export const ZCaseEvent = z.object({
  id: ZId,
  type: ZCaseEventType,
  at: ZDateTime,
  status: ZCaseStatus,
  actorUserId: ZId.nullable(),
  actorName: z.string().nullable(),
  body: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type TCaseEvent = z.infer<typeof ZCaseEvent>;

export const ZCaseDetail = ZCase.extend({ events: z.array(ZCaseEvent).describe("Oldest first") });
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

const listOf = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).max(20)]).optional();
export const ZCaseListQuery = z.object({
  accountId: ZId.optional(),
  status: listOf(ZCaseStatus),
  priority: listOf(ZSlaPriority),
  slaState: listOf(ZSlaState),
  assigneeUserId: z.union([ZId, z.literal("none")]).optional().describe("A user id, or none for unassigned cases"),
  open: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("true: only cases not resolved"),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe("At most this many, most recently opened first"),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

export const ZCaseList = z.object({
  items: z.array(ZCase),
  truncated: z.boolean().describe("True when more cases matched than the limit"),
});
export type TCaseList = z.infer<typeof ZCaseList>;

/** Backdating is allowed within a year, for a case received by other means. */
const pastInstant = ZDateTime.describe("When it happened (default: now); not in the future");

export const ZCreateCaseRequest = z
  .object({
    accountId: ZId,
    title: ZRequiredText(200),
    description: ZOptionalText(10_000),
    priority: ZSlaPriority,
    assigneeUserId: ZId.nullable().optional(),
    openedAt: pastInstant.optional(),
  })
  .strict();
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;

export const ZUpdateCaseRequest = z
  .object({
    title: ZRequiredText(200).optional(),
    description: ZOptionalText(10_000),
    priority: ZSlaPriority.optional(),
    assigneeUserId: ZId.nullable().optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type TUpdateCaseRequest = z.infer<typeof ZUpdateCaseRequest>;

export const ZCaseActionRequest = z
  .object({
    action: ZCaseAction,
    body: ZOptionalText(10_000),
    at: pastInstant.optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((v) => v.action !== "note" || (v.body ?? null) !== null, { message: "A note needs a text", path: ["body"] });
export type TCaseActionRequest = z.infer<typeof ZCaseActionRequest>;

export const ZCreateCaseTaskRequest = z
  .object({ title: ZRequiredText(200), dueDate: ZDate.nullable().optional(), assigneeUserId: ZId.nullable().optional() })
  .strict();
export type TCreateCaseTaskRequest = z.infer<typeof ZCreateCaseTaskRequest>;

// ---------------------------------------------------------------------------------------------
// Metrics

export const ZServiceMetricsQuery = z.object({
  by: z.enum(["account", "tier"]).default("tier"),
  accountId: ZId.optional().describe("Only this account's cases"),
  months: z.coerce.number().int().min(1).max(36).default(6).describe("Months back, the current one included"),
});
export type TServiceMetricsQuery = z.infer<typeof ZServiceMetricsQuery>;

const ZStats = z.object({ count: z.number().int(), mean: z.number(), median: z.number() }).nullable();
export const ZServiceMetricsRow = z.object({
  group: z.string().describe("The account id or the tier"),
  groupName: z.string().describe("The account's name, or the tier"),
  period: z.string().describe("A month, YYYY-MM, in the service calendar's zone"),
  cases: z.number().int(),
  firstResponse: ZStats.describe("Minutes, as the SLA clocks count them (paused time and, for business-hour targets, closed hours left out)"),
  resolution: ZStats,
  firstResponseAttainment: z.number().nullable().describe("Share 0–1 of the answered cases answered within the target"),
  resolutionAttainment: z.number().nullable().describe("Share 0–1 of the resolved cases resolved within the target"),
});
export type TServiceMetricsRow = z.infer<typeof ZServiceMetricsRow>;

export const ZServiceMetrics = z.object({
  by: z.enum(["account", "tier"]),
  timeZone: z.string(),
  periods: z.array(z.string()).describe("Every month of the window, oldest first"),
  rows: z.array(ZServiceMetricsRow),
});
export type TServiceMetrics = z.infer<typeof ZServiceMetrics>;
