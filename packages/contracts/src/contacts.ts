import { BUYING_ROLES } from "@openkam/domain";
import { z } from "zod";
import { ZDateTime, ZId, ZListQuery, ZOptionalText, ZPage, ZQueryBool, ZRequiredText, ZVersion } from "./common";

export const ZBuyingRole = z.enum(BUYING_ROLES).describe("The part the person plays in buying decisions");

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Optional e-mail: trimmed, empty becomes null. */
const ZOptionalEmail = z
  .string()
  .trim()
  .max(320)
  .refine((v) => v === "" || EMAIL.test(v), "Use an e-mail address such as li.wei@example.com")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const ZInfluence = z.number().int().min(1).max(5).describe("Influence on the buying decision, 1 (little) to 5 (decisive)");
export const ZAttitude = z.number().int().min(-2).max(2).describe("Attitude towards us, -2 (opposes) to +2 (advocates)");

export const ZContact = z.object({
  id: ZId,
  accountId: ZId,
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  buyingRole: ZBuyingRole.nullable(),
  influence: z.number().int().nullable(),
  attitude: z.number().int().nullable(),
  reportsToContactId: ZId.nullable().describe("The contact this person reports to, at the same account"),
  notes: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  deletedAt: ZDateTime.nullable(),
  version: z.number().int(),
});
export type TContact = z.infer<typeof ZContact>;

const contactFields = {
  accountId: ZId.describe("The account the person works for; it must be visible to you"),
  name: ZRequiredText(200),
  title: ZOptionalText(200),
  department: ZOptionalText(200),
  email: ZOptionalEmail,
  phone: ZOptionalText(50),
  buyingRole: ZBuyingRole.nullable().optional(),
  influence: ZInfluence.nullable().optional(),
  attitude: ZAttitude.nullable().optional(),
  reportsToContactId: ZId.nullable().optional().describe("A contact of the same account; no cycles"),
  notes: ZOptionalText(10_000),
  externalId: ZOptionalText(200),
};

export const ZCreateContactRequest = z.object(contactFields).strict();
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;

export const ZUpdateContactRequest = z
  .object({ ...contactFields, accountId: contactFields.accountId.optional(), name: contactFields.name.optional(), version: ZVersion.optional() })
  .strict();
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;

export const CONTACT_SORTS = ["name", "-name", "updatedAt", "-updatedAt", "createdAt", "-createdAt"] as const;

export const ZListContactsQuery = ZListQuery.extend({
  q: z.string().trim().max(200).optional().describe("Text search on name and e-mail"),
  sort: z.enum(CONTACT_SORTS).default("name").describe("Field to sort by; a leading - sorts descending"),
  accountId: ZId.optional().describe("Only the contacts of this account"),
  buyingRole: z.union([ZBuyingRole, z.array(ZBuyingRole)]).optional(),
  deleted: ZQueryBool.optional().describe("true lists the deleted contacts that can still be restored"),
});
export type TListContactsQuery = z.infer<typeof ZListContactsQuery>;

export const ZContactPage = ZPage(ZContact);

export const CONTACT_RELATIONSHIP_ACTIONS = ["delete", "transfer"] as const;

export const ZDeleteContactQuery = z
  .object({
    relationships: z.enum(CONTACT_RELATIONSHIP_ACTIONS).optional()
      .describe("What becomes of the contact's relationships and direct reports: delete them (reports move up to the contact's manager) or transfer them to `to`"),
    to: ZId.optional().describe("With relationships=transfer: the contact of the same account who takes them over"),
  })
  .strict()
  .refine((q) => q.relationships !== "transfer" || q.to !== undefined, { message: "Name the contact who takes the relationships over", path: ["to"] });
export type TDeleteContactQuery = z.infer<typeof ZDeleteContactQuery>;

/** In the `current` of a CONTACT_HAS_RELATIONSHIPS problem: what the deletion would leave behind. */
export const ZContactDependents = z.object({
  relationships: z.number().int().describe("Our people's relationships with the contact"),
  directReports: z.number().int().describe("Live contacts who report to the contact"),
});
export type TContactDependents = z.infer<typeof ZContactDependents>;
