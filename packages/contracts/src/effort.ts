import { EFFORT_SOURCES, EFFORT_VALUE_BASES, MATRIX_QUADRANTS, MAX_EFFORT_MINUTES } from "@openkam/domain";
import { z } from "zod";
import { ZAccountTier } from "./accounts";
import { ZDate, ZDateTime, ZId, ZOptionalText, ZVersion } from "./common";

export const ZEffortSource = z.enum(EFFORT_SOURCES).describe("interaction, case or task (with sourceId), or manual");
const ZMinutes = z.number().int().min(1, "Log at least one minute").max(MAX_EFFORT_MINUTES, "At most 24 hours (1440 minutes) per entry");

export const ZEffortEntry = z.object({
  id: ZId,
  accountId: ZId,
  accountName: z.string(),
  userId: ZId,
  userName: z.string(),
  workedOn: ZDate,
  minutes: z.number().int(),
  source: ZEffortSource,
  sourceId: ZId.nullable(),
  note: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TEffortEntry = z.infer<typeof ZEffortEntry>;

export const ZCreateEffortEntryRequest = z
  .object({
    accountId: ZId,
    userId: ZId.optional().describe("Whose time; yourself by default. Directors and admins may log for a colleague"),
    workedOn: ZDate,
    minutes: ZMinutes,
    source: ZEffortSource.default("manual"),
    sourceId: ZId.nullable().optional().describe("The interaction, case or task on this account; required unless source is manual"),
    note: ZOptionalText(1_000),
  })
  .strict();
export type TCreateEffortEntryRequest = z.infer<typeof ZCreateEffortEntryRequest>;

export const ZUpdateEffortEntryRequest = z
  .object({
    workedOn: ZDate.optional(),
    minutes: ZMinutes.optional(),
    note: ZOptionalText(1_000),
    version: ZVersion.optional(),
  })
  .strict();
export type TUpdateEffortEntryRequest = z.infer<typeof ZUpdateEffortEntryRequest>;

export const ZDeleteEffortEntryQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

const ZPeriod = {
  from: ZDate.optional().describe("First day, inclusive; 90 days before `to` by default"),
  to: ZDate.optional().describe("Last day, inclusive; today by default"),
};

export const ZListEffortQuery = z
  .object({
    accountId: ZId.optional(),
    userId: ZId.optional(),
    ...ZPeriod,
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TListEffortQuery = z.infer<typeof ZListEffortQuery>;

export const ZEffortEntryList = z.object({
  items: z.array(ZEffortEntry).describe("Newest first"),
  totalMinutes: z.number().int().describe("All matching entries, not only the page"),
  truncated: z.boolean().describe("More entries match than `limit`"),
});
export type TEffortEntryList = z.infer<typeof ZEffortEntryList>;

export const ZEffortPeriodQuery = z.object(ZPeriod).strict();
export type TEffortPeriodQuery = z.infer<typeof ZEffortPeriodQuery>;

export const ZAccountEffort = z.object({
  accountId: ZId,
  from: ZDate,
  to: ZDate,
  loggedMinutes: z.number().int().describe("Entries logged, and interaction durations that were recorded"),
  estimatedMinutes: z.number().int().describe("Interactions with neither, at their type's default"),
  totalMinutes: z.number().int(),
  bySource: z.object({ interaction: z.number().int(), case: z.number().int(), task: z.number().int(), manual: z.number().int(), estimated: z.number().int() }),
  byUser: z.array(z.object({ userId: ZId, name: z.string(), minutes: z.number().int() })).describe("Logged entries only, most first"),
  recent: z.array(ZEffortEntry).describe("The latest entries of the period, at most 20"),
});
export type TAccountEffort = z.infer<typeof ZAccountEffort>;

export const ZEffortSettings = z.object({
  keySharePct: z.number().int().describe("Target share of key-account (strategic + key tiers) effort in the key/growth split; 70 by default"),
  overRatio: z.number().describe("Effort share above this many times the value share is over-service; 1.5 by default"),
  underRatio: z.number().describe("Below this many times is under-service; 0.5 by default"),
  version: z.number().int().describe("0 while the defaults apply"),
});
export type TEffortSettings = z.infer<typeof ZEffortSettings>;

const ZRatio = (min: number, max: number) => z.number().min(min).max(max).refine((v) => Math.round(v * 100) / 100 === v, "Use at most two decimals");

export const ZPutEffortSettingsRequest = z
  .object({
    keySharePct: z.number().int().min(0).max(100),
    overRatio: ZRatio(1.01, 10),
    underRatio: ZRatio(0.01, 0.99),
    version: z.number().int().min(0).optional().describe("The version read (0 for the defaults); a stale one is refused with 409"),
  })
  .strict();
export type TPutEffortSettingsRequest = z.infer<typeof ZPutEffortSettingsRequest>;

export const ZEffortAllocationQuery = z
  .object({
    ...ZPeriod,
    basis: z.enum(EFFORT_VALUE_BASES).default("revenue").describe("Value measure: revenue of the 12 months to `to`, or the latest CLV run"),
  })
  .strict();
export type TEffortAllocationQuery = z.infer<typeof ZEffortAllocationQuery>;

export const ZEffortQuadrant = z.enum([...MATRIX_QUADRANTS, "unclassified"]);

export const ZEffortAccount = z.object({
  accountId: ZId,
  name: z.string(),
  tier: ZAccountTier,
  quadrant: z.enum(MATRIX_QUADRANTS).nullable(),
  loggedMinutes: z.number().int(),
  estimatedMinutes: z.number().int(),
  totalMinutes: z.number().int(),
  revenue: z.string().describe("Confirmed orders of the 12 months to `to`, in the organization's currency"),
  clv: z.string().nullable(),
  growthPct: z.number().nullable().describe("Revenue of those 12 months over the 12 before, in percent"),
  effortShare: z.number(),
  valueShare: z.number(),
  ratio: z.number().nullable(),
  service: z.enum(["over", "under", "balanced", "idle"]),
});
export type TEffortAccount = z.infer<typeof ZEffortAccount>;

export const ZEffortAllocation = z.object({
  from: ZDate,
  to: ZDate,
  currency: z.string(),
  basis: z.enum(EFFORT_VALUE_BASES),
  settings: ZEffortSettings,
  matrixRunId: ZId.nullable().describe("The segmentation-matrix run the quadrants come from"),
  clvRunId: ZId.nullable(),
  totals: z.object({ minutes: z.number().int(), loggedMinutes: z.number().int(), estimatedMinutes: z.number().int(), value: z.string() }),
  split: z.object({
    keyMinutes: z.number().int(),
    growthMinutes: z.number().int(),
    otherMinutes: z.number().int(),
    keyPct: z.number().nullable(),
    growthPct: z.number().nullable(),
    targetKeyPct: z.number().int(),
    targetGrowthPct: z.number().int(),
    deviationPts: z.number().nullable(),
  }),
  quadrants: z.array(z.object({ quadrant: ZEffortQuadrant, accounts: z.number().int(), minutes: z.number().int(), effortShare: z.number(), value: z.string(), valueShare: z.number() })),
  accounts: z.array(ZEffortAccount).describe("Accounts with effort or value, most effort first"),
  overServed: z.array(ZEffortAccount),
  underServed: z.array(ZEffortAccount),
});
export type TEffortAllocation = z.infer<typeof ZEffortAllocation>;
