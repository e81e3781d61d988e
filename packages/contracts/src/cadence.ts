import { CADENCE_KINDS, isoWeekDates, type CadenceKind, type CadenceStatus } from "@openkam/domain";
import { z } from "zod";
import { ZAccountTier } from "./accounts";
import { ZDate, ZDateTime, ZId, ZPage } from "./common";

export const ZCadenceKind = z.enum(CADENCE_KINDS).describe("visit, executive_meeting or qbr");

/** The longest rolling interval resolveCadencePolicy accepts: ten years. */
export const MAX_CADENCE_INTERVAL_DAYS = 3660;
const INTERVAL_MESSAGE = `Use a whole number of days from 1 to ${MAX_CADENCE_INTERVAL_DAYS}, "quarterly" or "half_yearly"`;

export const ZCadenceInterval = z
  .union(
    [
      z.number().int(INTERVAL_MESSAGE).min(1, INTERVAL_MESSAGE).max(MAX_CADENCE_INTERVAL_DAYS, INTERVAL_MESSAGE),
      z.enum(["quarterly", "half_yearly"]),
    ],
    { error: INTERVAL_MESSAGE },
  )
  .describe("Days after the last occurrence (rolling), or once per calendar quarter / half-year, due by its last day");

const STATUS_MEANINGS: Record<CadenceStatus, string> = {
  ok: "kept, and not due within the due-soon window",
  due_soon: "due within the next 7 days (the due day included)",
  overdue: "the due day has passed",
  never_met: "no interaction of this kind yet; daysOverdue > 0 once the grace of one interval from the account's creation has run out",
};
export const ZCadenceStatus = z
  .enum(Object.keys(STATUS_MEANINGS) as [CadenceStatus, ...CadenceStatus[]])
  .describe(Object.entries(STATUS_MEANINGS).map(([status, meaning]) => `${status}: ${meaning}`).join("; "));

const plannedInterval = ZCadenceInterval.nullable();
export const ZCadencePolicy = z
  .object({ visit: plannedInterval, executive_meeting: plannedInterval, qbr: plannedInterval } satisfies Record<CadenceKind, z.ZodType>)
  .describe("Each kind's interval; null = not planned");
export type TCadencePolicy = z.infer<typeof ZCadencePolicy>;

const overriddenInterval = ZCadenceInterval.nullable().optional();
export const ZCadenceOverrides = z
  .object({ visit: overriddenInterval, executive_meeting: overriddenInterval, qbr: overriddenInterval } satisfies Record<CadenceKind, z.ZodType>)
  .describe("Only the kinds set here differ from what lies beneath; null takes a kind out of the plan");
export type TCadenceOverrides = z.infer<typeof ZCadenceOverrides>;

export const ZCadenceVersion = z
  .number()
  .int()
  .min(0)
  .describe("The version you read (0 while nothing has been set); a stale one is refused with 409");

const overrideRequest = (what: string) =>
  z
    .object({ ...ZCadenceOverrides.shape, version: ZCadenceVersion.optional() })
    .strict()
    .describe(`Replaces ${what}: kinds left out follow what lies beneath, null drops a kind. Send the version read (If-Match or version)`);

export const ZTierParams = z.object({ tier: ZAccountTier });

export const ZTierCadencePolicy = z.object({
  tier: ZAccountTier,
  policy: ZCadencePolicy.describe("In effect for the tier's accounts: the defaults with the organization's overrides"),
  defaults: ZCadencePolicy.describe("OpenKAM's defaults for the tier"),
  overrides: ZCadenceOverrides.describe("What the organization changed from the defaults"),
  updatedAt: ZDateTime.nullable().describe("Null while the tier follows the defaults"),
  version: ZCadenceVersion,
});
export type TTierCadencePolicy = z.infer<typeof ZTierCadencePolicy>;

export const ZTierCadencePolicyList = z.object({ items: z.array(ZTierCadencePolicy).describe("One per tier, strategic first") });
export type TTierCadencePolicyList = z.infer<typeof ZTierCadencePolicyList>;

export const ZPutTierCadencePolicyRequest = overrideRequest("the organization's overrides of the tier's defaults");
export type TPutTierCadencePolicyRequest = z.infer<typeof ZPutTierCadencePolicyRequest>;

export const ZCadenceDue = z.object({
  kind: ZCadenceKind,
  interval: ZCadenceInterval,
  lastAt: ZDateTime.nullable().describe("The last past interaction of this kind; null when there was none"),
  dueOn: ZDate.describe("Due by the end of this day, in the organization's time zone"),
  daysUntilDue: z.number().int().describe("0 on the due day, negative once it has passed"),
  daysOverdue: z.number().int().min(0),
  status: ZCadenceStatus,
});
export type TCadenceDue = z.infer<typeof ZCadenceDue>;

export const ZAccountCadence = z.object({
  accountId: ZId,
  tier: ZAccountTier,
  timeZone: z.string().describe("The organization's time zone, which dates are counted in"),
  today: ZDate,
  policy: ZCadencePolicy.describe("In effect for the account: its tier's policy with the account's overrides"),
  tierPolicy: ZCadencePolicy.describe("The organization's policy for the account's tier"),
  overrides: ZCadenceOverrides.describe("What this account changes from its tier's policy"),
  items: z.array(ZCadenceDue).describe("One per planned kind"),
  version: ZCadenceVersion,
});
export type TAccountCadence = z.infer<typeof ZAccountCadence>;

export const ZPutAccountCadenceRequest = overrideRequest("the account's overrides of its tier's policy");
export type TPutAccountCadenceRequest = z.infer<typeof ZPutAccountCadenceRequest>;

export const ZOverdueCadenceQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Page size, 1-200"),
  cursor: z.string().max(500).optional().describe("The nextCursor of the previous page"),
  tier: z.union([ZAccountTier, z.array(ZAccountTier)]).optional(),
  ownerUserId: ZId.optional(),
  kind: z.union([ZCadenceKind, z.array(ZCadenceKind)]).optional().describe("Only these kinds count"),
});
export type TOverdueCadenceQuery = z.infer<typeof ZOverdueCadenceQuery>;

export const ZOverdueAccount = z.object({
  accountId: ZId,
  accountName: z.string(),
  tier: ZAccountTier,
  ownerUserId: ZId.nullable(),
  daysOverdue: z.number().int().min(1).describe("Of its most overdue item"),
  items: z.array(ZCadenceDue).describe("Its overdue items (never met ones past their grace included), most overdue first"),
});
export type TOverdueAccount = z.infer<typeof ZOverdueAccount>;

export const ZOverdueAccountPage = ZPage(ZOverdueAccount);
export type TOverdueAccountPage = z.infer<typeof ZOverdueAccountPage>;

export const ZIsoWeek = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, { message: "Use an ISO week written YYYY-Www, such as 2026-W48", abort: true })
  .refine(isIsoWeek, "This year has no such week")
  .describe("An ISO week, YYYY-Www (weeks start on Monday)");

function isIsoWeek(week: string): boolean {
  try {
    isoWeekDates(week);
    return true;
  } catch {
    return false;
  }
}

export const ZMyWeekQuery = z.object({
  week: ZIsoWeek.optional().describe("Default: the current week in the organization's time zone"),
});
export type TMyWeekQuery = z.infer<typeof ZMyWeekQuery>;

export const ZWeekAgendaItem = ZCadenceDue.extend({
  accountId: ZId,
  accountName: z.string(),
  tier: ZAccountTier,
  carriedOver: z.boolean().describe("Due before the week starts and still not kept"),
});
export type TWeekAgendaItem = z.infer<typeof ZWeekAgendaItem>;

export const ZMyWeek = z.object({
  week: z.string(),
  firstDay: ZDate,
  lastDay: ZDate,
  today: ZDate,
  timeZone: z.string(),
  items: z.array(ZWeekAgendaItem).describe("Due in the week or before it and not kept; by due day, then tier, account and kind"),
});
export type TMyWeek = z.infer<typeof ZMyWeek>;
