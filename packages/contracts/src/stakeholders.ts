import { COVERAGE_WARNING_CODES } from "@openkam/domain";
import { z } from "zod";
import { ZBuyingRole } from "./contacts";
import { ZDateTime, ZId, ZOptionalText } from "./common";

export const ZRelationshipStrength = z.number().int().min(1).max(5).describe("How strong the relationship is, 1 (barely know each other) to 5 (trusted advisor)");

export const ZStakeholderRelationship = z.object({
  contactId: ZId,
  userId: ZId,
  strength: z.number().int(),
  lastMetAt: ZDateTime.nullable(),
  notes: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TStakeholderRelationship = z.infer<typeof ZStakeholderRelationship>;

export const ZRelationshipParams = z.object({ contactId: ZId.describe("The customer contact"), userId: ZId.describe("Our user who owns the relationship") });

/** 0 while the relationship does not exist, so two people recording it first cannot both win. */
const ZRelationshipVersion = z.number().int().min(0).describe("The version you read, 0 when the relationship does not exist yet; a stale one is refused with 409");

export const ZPutRelationshipRequest = z
  .object({
    strength: ZRelationshipStrength,
    lastMetAt: ZDateTime.nullable().optional().describe("When our user last met the contact outside the interactions logged"),
    notes: ZOptionalText(10_000),
    version: ZRelationshipVersion.optional(),
  })
  .strict();
export type TPutRelationshipRequest = z.infer<typeof ZPutRelationshipRequest>;

export const ZDeleteRelationshipQuery = z.object({ version: z.coerce.number().int().min(1).optional().describe("The version you read, unless sent as If-Match") }).strict();

export const ZStakeholderMapContact = z.object({
  id: ZId,
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  buyingRole: ZBuyingRole.nullable(),
  influence: z.number().int().nullable(),
  attitude: z.number().int().nullable(),
  reportsToContactId: ZId.nullable(),
  lastMetAt: ZDateTime.nullable().describe("The latest of the relationships' last meetings and the interactions the contact attended"),
  relationships: z.array(z.object({ userId: ZId, userName: z.string(), strength: z.number().int(), lastMetAt: ZDateTime.nullable(), version: z.number().int().describe("For If-Match when changing or removing the relationship") })),
});

export const ZCoverageWarning = z.object({
  code: z.enum(COVERAGE_WARNING_CODES),
  contactIds: z.array(ZId),
  userIds: z.array(ZId),
});

export const ZStakeholderMap = z.object({
  accountId: ZId,
  contacts: z.array(ZStakeholderMapContact),
  coverage: z.array(ZCoverageWarning).describe("Gaps in the relationship with the account, see assessStakeholderCoverage"),
});
export type TStakeholderMap = z.infer<typeof ZStakeholderMap>;
