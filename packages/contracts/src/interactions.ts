import { INTERACTION_TYPES } from "@openkam/domain";
import { z } from "zod";
import { ZDate, ZDateTime, ZId, ZListQuery, ZOptionalText, ZPage, ZRequiredText, ZVersion } from "./common";
import { ZTaskPriority } from "./tasks";

export const ZInteractionType = z.enum(INTERACTION_TYPES);

export const ZInteraction = z.object({
  id: ZId,
  accountId: ZId,
  type: ZInteractionType,
  occurredAt: ZDateTime,
  planned: z.boolean().describe("True when occurredAt is in the future: a planned interaction"),
  durationMinutes: z.number().int().nullable(),
  subject: z.string(),
  summary: z.string().nullable(),
  outcome: z.string().nullable(),
  nextStep: z.string().nullable(),
  externalId: z.string().nullable(),
  contactIds: z.array(ZId).describe("Contacts of the account who attended"),
  userIds: z.array(ZId).describe("Members of the organization who attended"),
  createdBy: ZId.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TInteraction = z.infer<typeof ZInteraction>;

const ZIdSet = z.array(ZId).max(100).refine((ids) => new Set(ids).size === ids.length, "List each one once");

const interactionFields = {
  accountId: ZId,
  type: ZInteractionType,
  occurredAt: ZDateTime.describe("When it happened; a future time plans it"),
  durationMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
  subject: ZRequiredText(300),
  summary: ZOptionalText(20_000),
  outcome: ZOptionalText(5000),
  nextStep: ZOptionalText(1000),
  externalId: ZOptionalText(200),
  contactIds: ZIdSet.optional(),
  userIds: ZIdSet.optional(),
};

export const ZCreateInteractionRequest = z.object(interactionFields).strict();
export type TCreateInteractionRequest = z.infer<typeof ZCreateInteractionRequest>;

export const ZUpdateInteractionRequest = z
  .object({
    ...interactionFields,
    accountId: ZId.optional(),
    type: ZInteractionType.optional(),
    occurredAt: ZDateTime.optional(),
    subject: ZRequiredText(300).optional(),
    contactIds: ZIdSet.optional().describe("When sent, replaces the attending contacts"),
    userIds: ZIdSet.optional().describe("When sent, replaces the attending users"),
    version: ZVersion.optional(),
  })
  .strict();
export type TUpdateInteractionRequest = z.infer<typeof ZUpdateInteractionRequest>;

export const INTERACTION_SORTS = ["-occurredAt", "occurredAt", "-createdAt", "createdAt"] as const;

export const ZListInteractionsQuery = ZListQuery.extend({
  q: ZListQuery.shape.q.describe("Text search on the subject"),
  sort: z.enum(INTERACTION_SORTS).default("-occurredAt").describe("Field to sort by; a leading - sorts descending"),
  accountId: ZId.optional(),
  type: z.union([ZInteractionType, z.array(ZInteractionType)]).optional(),
  from: ZDateTime.optional().describe("Interactions at or after this time"),
  to: ZDateTime.optional().describe("Interactions before this time"),
});
export type TListInteractionsQuery = z.infer<typeof ZListInteractionsQuery>;

export const ZInteractionListItem = ZInteraction.extend({ accountName: z.string().describe("The name of the interaction's account") });
export type TInteractionListItem = z.infer<typeof ZInteractionListItem>;

export const ZInteractionPage = ZPage(ZInteractionListItem);

export const ZNextStepTaskRequest = z
  .object({
    assigneeUserId: ZId.nullable().optional().describe("Who does it; an active member of the organization"),
    dueDate: ZDate.nullable().optional(),
    priority: ZTaskPriority.optional(),
  })
  .strict();
export type TNextStepTaskRequest = z.infer<typeof ZNextStepTaskRequest>;
