import { MAX_REVIEW_CRITERIA, REVIEW_CRITERION_KEY, REVIEW_LANGUAGES, REVIEW_SCALE, REVIEW_VIEWS } from "@openkam/domain";
import { z } from "zod";
import { ZDate, ZDateTime, ZId, ZOptionalText, ZRequiredText, ZVersion, withoutNul } from "./common";

export const ZReviewView = z.enum(REVIEW_VIEWS).describe("team, director, self (the KAM lead) or customer");
export const ZReviewLanguage = z.enum(REVIEW_LANGUAGES);

export const ZReviewCriterion = z.object({
  key: z.string().regex(REVIEW_CRITERION_KEY, "Use lower-case letters, digits and _ (up to 40), starting with a letter"),
  labels: z.object({ en: ZRequiredText(200), "zh-CN": ZRequiredText(200) }).strict(),
}).strict();
export type TReviewCriterion = z.infer<typeof ZReviewCriterion>;

export const ZReviewSettings = z.object({
  criteria: z.array(ZReviewCriterion),
  gapThreshold: z.number().describe("Views whose averages differ by at least this many points are a gap; 1.0 by default"),
  version: z.number().int().describe("0 while the defaults apply"),
});
export type TReviewSettings = z.infer<typeof ZReviewSettings>;

export const ZPutReviewSettingsRequest = z
  .object({
    criteria: z.array(ZReviewCriterion).min(1, "Keep at least one criterion").max(MAX_REVIEW_CRITERIA),
    gapThreshold: z.number().min(0.25).max(4).refine((v) => Math.round(v * 100) / 100 === v, "Use at most two decimals"),
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type TPutReviewSettingsRequest = z.infer<typeof ZPutReviewSettingsRequest>;

const ZScore = z.number().int().min(REVIEW_SCALE.min).max(REVIEW_SCALE.max).nullable();
export const ZRatings = z.record(z.string().max(40), ZScore).refine((r) => Object.keys(r).length <= MAX_REVIEW_CRITERIA, "Too many ratings");
export const REVIEW_COMMENT_LIMIT = 5_000;

export const ZCreateReviewCycleRequest = z
  .object({
    title: ZRequiredText(200),
    periodStart: ZDate,
    periodEnd: ZDate,
    customerContactId: ZId.nullable().optional().describe("The customer's contact who answers; their e-mail is used unless customerEmail is given"),
    customerEmail: z.email().max(320).nullable().optional(),
    customerLanguage: ZReviewLanguage.default("zh-CN"),
    linkValidDays: z.number().int().min(1).max(90).default(30),
    sendEmail: z.boolean().default(true).describe("E-mail the customer's link when the server has SMTP configured"),
  })
  .strict();
export type TCreateReviewCycleRequest = z.infer<typeof ZCreateReviewCycleRequest>;

export const ZReviewInvitation = z.object({
  id: ZId,
  view: ZReviewView,
  userId: ZId.nullable(),
  name: z.string().describe("The colleague's name, or the customer contact's name or e-mail"),
  email: z.string().nullable(),
  language: ZReviewLanguage,
  sentAt: ZDateTime.nullable(),
  expiresAt: ZDateTime.nullable(),
  respondedAt: ZDateTime.nullable(),
});

export const ZViewProgress = z.object({ invited: z.number().int(), answered: z.number().int() });

export const ZReviewCycle = z.object({
  id: ZId,
  accountId: ZId,
  accountName: z.string(),
  title: z.string(),
  periodStart: ZDate,
  periodEnd: ZDate,
  status: z.enum(["open", "closed"]),
  gapThreshold: z.number(),
  progress: z.record(ZReviewView, ZViewProgress),
  overall: z.number().nullable(),
  gapCount: z.number().int(),
  createdAt: ZDateTime,
  closedAt: ZDateTime.nullable(),
  version: z.number().int(),
});
export type TReviewCycle = z.infer<typeof ZReviewCycle>;

const ZAverages = z.record(ZReviewView, z.number().nullable());
export const ZViewGap = z.object({ criterionKey: z.string(), higher: ZReviewView, lower: ZReviewView, difference: z.number() });

export const ZReviewCycleDetail = ZReviewCycle.extend({
  criteria: z.array(ZReviewCriterion),
  invitations: z.array(ZReviewInvitation),
  results: z.object({
    criteria: z.array(z.object({
      key: z.string(), averages: ZAverages, counts: z.record(ZReviewView, z.number().int()), overall: z.number().nullable(), spread: z.number().nullable(), gaps: z.array(ZViewGap),
    })),
    viewOverall: ZAverages,
    overall: z.number().nullable(),
    gaps: z.array(ZViewGap).describe("Largest first"),
  }),
  comments: z.array(z.object({ view: ZReviewView, comment: z.string() })).describe("Plain text, shown as text, never as HTML; who wrote them is not shown"),
  canManage: z.boolean(),
});
export type TReviewCycleDetail = z.infer<typeof ZReviewCycleDetail>;

export const ZCustomerLink = z.object({
  url: z.string().describe("Shown once: only its hash is kept. Issuing a new link ends the old one"),
  expiresAt: ZDateTime,
  emailed: z.boolean(),
});
export type TCustomerLink = z.infer<typeof ZCustomerLink>;

export const ZCreatedReviewCycle = z.object({ cycle: ZReviewCycleDetail, customerLink: ZCustomerLink.nullable() });
export type TCreatedReviewCycle = z.infer<typeof ZCreatedReviewCycle>;

export const ZIssueCustomerLinkRequest = z
  .object({
    email: z.email().max(320).nullable().optional(),
    language: ZReviewLanguage.optional(),
    linkValidDays: z.number().int().min(1).max(90).default(30),
    sendEmail: z.boolean().default(false),
  })
  .strict();
export type TIssueCustomerLinkRequest = z.infer<typeof ZIssueCustomerLinkRequest>;

export const ZCloseReviewCycleRequest = z.object({ version: ZVersion.optional() }).strict();

export const ZAnswerReviewRequest = z
  .object({
    ratings: ZRatings,
    comment: ZOptionalText(REVIEW_COMMENT_LIMIT),
  })
  .strict();
export type TAnswerReviewRequest = z.infer<typeof ZAnswerReviewRequest>;

export const ZPendingReview = z.object({
  invitationId: ZId,
  cycleId: ZId,
  accountId: ZId,
  accountName: z.string(),
  title: z.string(),
  view: ZReviewView,
  periodStart: ZDate,
  periodEnd: ZDate,
  criteria: z.array(ZReviewCriterion),
  invitedAt: ZDateTime,
});
export const ZPendingReviewList = z.object({ items: z.array(ZPendingReview) });
export type TPendingReview = z.infer<typeof ZPendingReview>;

export const ZReviewCycleList = z.object({ items: z.array(ZReviewCycle) });

// ---------------------------------------------------------------- public (the customer's link)

export const ZPublicReviewParams = z.object({ token: withoutNul(z.string().max(500)) });

export const ZPublicReview = z.object({
  organizationName: z.string().describe("Who asks: the supplier's name"),
  title: z.string(),
  language: ZReviewLanguage,
  criteria: z.array(ZReviewCriterion),
  expiresAt: ZDateTime,
});
export type TPublicReview = z.infer<typeof ZPublicReview>;

export const ZPublicReviewAnswerRequest = z
  .object({
    submissionId: ZId.describe("Made once by the answering page and sent again on every retry: the same one gets the same answer"),
    ratings: ZRatings,
    comment: ZOptionalText(REVIEW_COMMENT_LIMIT),
    language: ZReviewLanguage.optional(),
  })
  .strict();
export type TPublicReviewAnswerRequest = z.infer<typeof ZPublicReviewAnswerRequest>;

export const ZPublicReviewAnswer = z.object({ submissionId: ZId, respondedAt: ZDateTime });
export type TPublicReviewAnswer = z.infer<typeof ZPublicReviewAnswer>;
