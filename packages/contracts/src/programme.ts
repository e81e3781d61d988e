import { MAX_COHORT_ACCOUNTS, PROGRAMME_GOAL_KINDS } from "@openkam/domain";
import { z } from "zod";
import { ZAccountStatus, ZAccountTier } from "./accounts";
import { ZDate, ZDateTime, ZId, ZOptionalText, ZRequiredText, ZVersion } from "./common";

export const ZProgrammeGoalKind = z.enum(PROGRAMME_GOAL_KINDS).describe("How the goal is measured; all but manual are computed from the cohort's data, in percent");

/** A target or value: at most 14 digits before the point and 2 after, as a number. */
const ZGoalNumber = z.number().min(-1e12).max(1e12).refine((v) => Number.isFinite(v) && Math.round(v * 100) / 100 === v, "Use at most two decimals");

export const ZProgramme = z.object({
  id: ZId,
  name: z.string(),
  description: z.string().nullable(),
  startsOn: ZDate.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TProgramme = z.infer<typeof ZProgramme>;

export const ZProgrammeAccount = z.object({
  accountId: ZId,
  name: z.string(),
  tier: ZAccountTier,
  status: ZAccountStatus,
  ownerUserId: ZId.nullable(),
  addedAt: ZDateTime,
  revenueGrowthPct: z.number().nullable().describe("Confirmed orders of the last 12 months over the 12 before, in the organization's currency"),
  hasApprovedPlan: z.boolean(),
  cadenceOverdue: z.boolean().describe("Some planned contact is overdue"),
  hasChampion: z.boolean().describe("No 'no champion' coverage warning"),
});
export type TProgrammeAccount = z.infer<typeof ZProgrammeAccount>;

export const ZProgrammeGoal = z.object({
  id: ZId,
  title: z.string(),
  kind: ZProgrammeGoalKind,
  target: z.number(),
  unit: z.string().nullable().describe("Shown beside the values; % for computed goals"),
  currentValue: z.number().nullable().describe("Measured now for computed goals, as entered for manual ones; null when nothing can be measured yet"),
  progressPct: z.number().nullable(),
  achieved: z.boolean().nullable(),
  position: z.number().int(),
  version: z.number().int(),
});
export type TProgrammeGoal = z.infer<typeof ZProgrammeGoal>;

export const ZProgrammeOverview = z.object({
  programme: ZProgramme.nullable().describe("Null until a director sets the programme up"),
  accounts: z.array(ZProgrammeAccount).describe("The pilot cohort, as far as the caller sees it"),
  goals: z.array(ZProgrammeGoal),
  pilotStatus: z.enum(["empty", "too_small", "pilot", "too_large"]).describe("The cohort against the practice of a 3-5 account pilot"),
  currency: z.string().describe("The currency revenue growth is measured in"),
});
export type TProgrammeOverview = z.infer<typeof ZProgrammeOverview>;

export const ZPutProgrammeRequest = z
  .object({
    name: ZRequiredText(200),
    description: ZOptionalText(5_000),
    startsOn: ZDate.nullable().optional(),
    version: z.number().int().min(0).optional().describe("The version read, 0 when there is no programme yet; a stale one is refused with 409"),
  })
  .strict();
export type TPutProgrammeRequest = z.infer<typeof ZPutProgrammeRequest>;

export const ZProgrammeAccountParams = z.object({ accountId: ZId });

export const ZCreateProgrammeGoalRequest = z
  .object({
    title: ZRequiredText(200),
    kind: ZProgrammeGoalKind,
    target: ZGoalNumber,
    currentValue: ZGoalNumber.nullable().optional().describe("Manual goals only"),
    unit: ZOptionalText(20).describe("Manual goals only; computed ones are in %"),
  })
  .strict();
export type TCreateProgrammeGoalRequest = z.infer<typeof ZCreateProgrammeGoalRequest>;

export const ZUpdateProgrammeGoalRequest = z
  .object({
    title: ZRequiredText(200).optional(),
    target: ZGoalNumber.optional(),
    currentValue: ZGoalNumber.nullable().optional().describe("Manual goals only"),
    unit: ZOptionalText(20),
    position: z.number().int().min(0).max(1000).optional(),
    version: ZVersion.optional(),
  })
  .strict();
export type TUpdateProgrammeGoalRequest = z.infer<typeof ZUpdateProgrammeGoalRequest>;

export const ZDeleteProgrammeGoalQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

export const PROGRAMME_MAX_ACCOUNTS = MAX_COHORT_ACCOUNTS;
