import { ACCOUNT_SIZES, ACCOUNT_STATUSES, ACCOUNT_TIERS } from "@openkam/domain";
import { z } from "zod";
import { jsonDepth, withoutNul, ZCurrency, ZDateTime, ZId, ZListQuery, ZOptionalText, ZPage, ZQueryBool, ZRequiredText, ZVersion } from "./common";

export const ZAccountTier = z.enum(ACCOUNT_TIERS);
export const ZAccountStatus = z.enum(ACCOUNT_STATUSES);
export const ZAccountSize = z.enum(ACCOUNT_SIZES);

const ZTags = z.array(withoutNul(z.string().trim().min(1).max(50))).max(50);
const MAX_CUSTOM_FIELD_DEPTH = 5;
const ZCustomFields = z
  .record(withoutNul(z.string().max(100)), z.unknown())
  .superRefine((value, ctx) => {
    if (jsonDepth(value, MAX_CUSTOM_FIELD_DEPTH) > MAX_CUSTOM_FIELD_DEPTH) {
      ctx.addIssue({ code: "custom", message: `Custom fields may nest at most ${MAX_CUSTOM_FIELD_DEPTH} levels` });
      return;
    }
    const json = JSON.stringify(value);
    if (json.length > 20_000) ctx.addIssue({ code: "custom", message: "Custom fields are limited to 20 KB" });
    if (json.includes("\\u0000")) ctx.addIssue({ code: "custom", message: "Text may not contain NUL characters" });
  });

export const ZAccount = z.object({
  id: ZId,
  name: z.string(),
  legalName: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  currency: z.string(),
  size: ZAccountSize.nullable(),
  tier: ZAccountTier,
  status: ZAccountStatus,
  ownerUserId: ZId.nullable(),
  parentAccountId: ZId.nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  externalId: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  deletedAt: ZDateTime.nullable(),
  version: z.number().int(),
});
export type TAccount = z.infer<typeof ZAccount>;

const accountFields = {
  name: ZRequiredText(200),
  legalName: ZOptionalText(300),
  industry: ZOptionalText(100),
  region: ZOptionalText(100),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Use a two-letter ISO 3166 country code such as CN or DE").nullable().optional(),
  currency: ZCurrency,
  size: ZAccountSize.nullable().optional(),
  tier: ZAccountTier.optional(),
  status: ZAccountStatus.optional(),
  ownerUserId: ZId.nullable().optional(),
  parentAccountId: ZId.nullable().optional(),
  tags: ZTags.optional(),
  customFields: ZCustomFields.optional(),
  externalId: ZOptionalText(200),
};

export const ZCreateAccountRequest = z.object(accountFields).strict();
export type TCreateAccountRequest = z.infer<typeof ZCreateAccountRequest>;

export const ZUpdateAccountRequest = z
  .object({ ...accountFields, name: accountFields.name.optional(), currency: ZCurrency.optional(), version: ZVersion.optional() })
  .strict();
export type TUpdateAccountRequest = z.infer<typeof ZUpdateAccountRequest>;

export const ACCOUNT_SORTS = ["name", "-name", "updatedAt", "-updatedAt", "createdAt", "-createdAt", "tier", "-tier"] as const;

export const ZListAccountsQuery = ZListQuery.extend({
  sort: z.enum(ACCOUNT_SORTS).default("name").describe("Field to sort by; a leading - sorts descending"),
  tier: z.union([ZAccountTier, z.array(ZAccountTier)]).optional(),
  status: z.union([ZAccountStatus, z.array(ZAccountStatus)]).optional(),
  ownerUserId: ZId.optional(),
  region: z.string().max(100).optional(),
  industry: z.string().max(100).optional(),
  deleted: ZQueryBool.optional().describe("true lists the deleted accounts that can still be restored"),
});
export type TListAccountsQuery = z.infer<typeof ZListAccountsQuery>;

export const ZAccountPage = ZPage(ZAccount);

export const ZTeamMember = z.object({
  accountId: ZId,
  userId: ZId,
  userName: z.string(),
  userEmail: z.string(),
  teamRole: z.enum(["kam_lead", "sales", "marketing", "product", "support", "executive_sponsor"]),
  allocationPct: z.number().int(),
  version: z.number().int(),
});
export type TTeamMember = z.infer<typeof ZTeamMember>;

/** POST /api/accounts/{id}/tier: a tier change with its reason, kept in the tier history. */
export const ZChangeTierRequest = z
  .object({
    tier: ZAccountTier,
    reason: ZRequiredText(500),
    runId: ZId.optional().describe("The analysis run the decision was based on"),
    version: ZVersion.optional(),
  })
  .strict();
export type TChangeTierRequest = z.infer<typeof ZChangeTierRequest>;

export const ZTierChange = z.object({
  id: ZId,
  fromTier: ZAccountTier,
  toTier: ZAccountTier,
  reason: z.string().nullable().describe("null for a tier changed by a plain edit"),
  runId: ZId.nullable(),
  changedAt: ZDateTime,
  changedBy: z.object({ id: ZId, name: z.string() }).nullable().describe("null for changes made by the system (command line)"),
});
export type TTierChange = z.infer<typeof ZTierChange>;

export const ZTierHistory = z.object({ items: z.array(ZTierChange).describe("Newest first") });
export type TTierHistory = z.infer<typeof ZTierHistory>;
