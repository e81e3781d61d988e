import {
  ACCOUNT_TIERS, SURVEY_LANGUAGES, SURVEY_LIMITS, SURVEY_MAIL_STATUSES, SURVEY_RECURRENCES, validateSurveyDefinition, type SurveyDefinition,
} from "@openkam/domain";
import { z } from "zod";
import { ZDate, ZDateTime, ZId, ZVersion, withoutNul } from "./common";

export const ZSurveyLanguage = z.enum(SURVEY_LANGUAGES).describe("en or zh-CN");
const ZTier = z.enum(ACCOUNT_TIERS);

const ZLabel = (max: number) => withoutNul(z.string().trim().min(1, "Required").max(max));
/** A text in both languages of the product. */
export const ZLocalizedText = (max: number = SURVEY_LIMITS.label) => z.object({ en: ZLabel(max), "zh-CN": ZLabel(max) }).strict();
const ZQuestionId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Use 1-40 lower-case letters, digits, - or _");

const base = { id: ZQuestionId, prompt: ZLocalizedText(), required: z.boolean().default(false) };
export const ZSurveyQuestion = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("nps"), followUp: ZLocalizedText().describe("The \"why\" asked after the score") }).strict(),
  z.object({ ...base, kind: z.literal("csat") }).strict(),
  z.object({
    ...base, kind: z.literal("scale"), min: z.number().int().min(0).max(10), max: z.number().int().min(0).max(10),
    minLabel: ZLocalizedText().nullable().optional(), maxLabel: ZLocalizedText().nullable().optional(),
  }).strict(),
  z.object({
    ...base, kind: z.enum(["single_choice", "multiple_choice"]),
    options: z.array(z.object({ id: ZQuestionId, label: ZLocalizedText() }).strict()).max(SURVEY_LIMITS.options),
  }).strict(),
  z.object({ ...base, kind: z.literal("text") }).strict(),
]);
export type TSurveyQuestion = z.infer<typeof ZSurveyQuestion>;

/** Title, optional introduction and 1-30 questions; at most one NPS and one CSAT question. */
export const ZSurveyDefinition = z.object({
  title: ZLocalizedText(),
  intro: ZLocalizedText(SURVEY_LIMITS.intro).nullable().optional(),
  questions: z.array(ZSurveyQuestion).max(SURVEY_LIMITS.questions),
}).strict().superRefine((definition, ctx) => {
  for (const error of validateSurveyDefinition(definition as SurveyDefinition)) {
    ctx.addIssue({ code: "custom", message: error.message, path: error.field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
  }
});
export type TSurveyDefinition = z.infer<typeof ZSurveyDefinition>;

export const ZSurvey = z.object({
  id: ZId,
  title: z.object({ en: z.string(), "zh-CN": z.string() }),
  defaultLanguage: ZSurveyLanguage,
  validDays: z.number().int(),
  archived: z.boolean(),
  definition: z.unknown().describe("The latest definition (see ZSurveyDefinition)"),
  invited: z.number().int(),
  responded: z.number().int(),
  lastSentAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int().describe("Also the number of the latest definition"),
});
export type TSurvey = Omit<z.infer<typeof ZSurvey>, "definition"> & { definition: TSurveyDefinition };

export const ZCreateSurveyRequest = z.object({
  definition: ZSurveyDefinition,
  defaultLanguage: ZSurveyLanguage.default("zh-CN").describe("For accounts whose language is not known"),
  validDays: z.number().int().min(1).max(365).default(30).describe("Days a link stays valid once sent"),
}).strict();
export type TCreateSurveyRequest = z.infer<typeof ZCreateSurveyRequest>;

export const ZUpdateSurveyRequest = z.object({
  definition: ZSurveyDefinition.optional().describe("A new definition; invitations already sent keep the one they were sent with"),
  defaultLanguage: ZSurveyLanguage.optional(),
  validDays: z.number().int().min(1).max(365).optional(),
  archived: z.boolean().optional().describe("Archived surveys are not sent, by hand or by schedule"),
  version: ZVersion.optional(),
}).strict();
export type TUpdateSurveyRequest = z.infer<typeof ZUpdateSurveyRequest>;

export const ZDeleteSurveyQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

export const ZSurveyTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("account"), accountId: ZId }).strict(),
  z.object({ kind: z.literal("tier"), tier: ZTier }).strict(),
  z.object({ kind: z.literal("cohort").describe("The KAM programme's cohort") }).strict(),
]);
export type TSurveyTarget = z.infer<typeof ZSurveyTarget>;

export const ZSurveySchedule = z.object({
  id: ZId,
  surveyId: ZId,
  target: ZSurveyTarget,
  accountName: z.string().nullable(),
  recurrence: z.enum(SURVEY_RECURRENCES),
  startsOn: ZDate,
  active: z.boolean(),
  lastOccurrence: ZDate.nullable(),
  nextOccurrences: z.array(ZDate).describe("The next send dates, in the organization's calendar"),
  version: z.number().int(),
});
export type TSurveySchedule = z.infer<typeof ZSurveySchedule>;

export const ZCreateSurveyScheduleRequest = z.object({
  target: ZSurveyTarget,
  recurrence: z.enum(SURVEY_RECURRENCES),
  startsOn: ZDate,
  active: z.boolean().default(true),
}).strict();
export type TCreateSurveyScheduleRequest = z.infer<typeof ZCreateSurveyScheduleRequest>;

export const ZUpdateSurveyScheduleRequest = z.object({
  recurrence: z.enum(SURVEY_RECURRENCES).optional(),
  startsOn: ZDate.optional(),
  active: z.boolean().optional(),
  version: ZVersion.optional(),
}).strict();
export type TUpdateSurveyScheduleRequest = z.infer<typeof ZUpdateSurveyScheduleRequest>;

export const ZSendSurveyRequest = z.object({
  target: ZSurveyTarget,
  language: ZSurveyLanguage.optional().describe("Overrides each account's language for this sending"),
}).strict();
export type TSendSurveyRequest = z.infer<typeof ZSendSurveyRequest>;

export const ZSurveySendResult = z.object({
  sendId: ZId,
  accounts: z.number().int(),
  invited: z.number().int().describe("Contacts with an e-mail address who were invited"),
  withoutEmail: z.number().int().describe("Contacts skipped for lack of an e-mail address"),
  emailed: z.number().int(),
  emailFailed: z.number().int().describe("Sends that failed; the invitation stays and its link can be copied"),
  emailNotConfigured: z.boolean().describe("E-mail is not set up on this server: copy the links from the invitations list"),
});
export type TSurveySendResult = z.infer<typeof ZSurveySendResult>;

export const ZSurveyInvitationStatus = z.enum(["open", "responded", "expired"]);
export const ZSurveyInvitation = z.object({
  id: ZId,
  surveyId: ZId,
  accountId: ZId,
  accountName: z.string(),
  contactId: ZId,
  contactName: z.string(),
  email: z.string(),
  language: ZSurveyLanguage,
  status: ZSurveyInvitationStatus,
  mailStatus: z.enum(SURVEY_MAIL_STATUSES),
  sentAt: ZDateTime.nullable(),
  expiresAt: ZDateTime,
  respondedAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
});
export type TSurveyInvitation = z.infer<typeof ZSurveyInvitation>;

export const ZListSurveyInvitationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  accountId: ZId.optional(),
  status: ZSurveyInvitationStatus.optional(),
}).strict();
export type TListSurveyInvitationsQuery = z.infer<typeof ZListSurveyInvitationsQuery>;

export const ZSurveyLink = z.object({
  url: z.string().describe("The customer's link; a new one replaces the previous link of this invitation"),
  expiresAt: ZDateTime,
});
export type TSurveyLink = z.infer<typeof ZSurveyLink>;

export const ZScoreSummary = z.object({
  responses: z.number().int(),
  nps: z.number().nullable().describe("% promoters (9-10) − % detractors (0-6); null without NPS answers"),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  npsResponses: z.number().int(),
  csat: z.number().nullable().describe("Mean CSAT answer, 1-5"),
  csatSatisfiedPct: z.number().nullable().describe("% of CSAT answers that are 4 or 5"),
  csatResponses: z.number().int(),
  invited: z.number().int(),
  responseRate: z.number().nullable().describe("% of invitations answered"),
});
export type TScoreSummary = z.infer<typeof ZScoreSummary>;

export const ZSurveyResultsQuery = z.object({
  surveyId: ZId.optional(),
  accountId: ZId.optional(),
  tier: ZTier.optional(),
  from: ZDate.optional().describe("Responses and invitations from this date (organization's calendar)"),
  to: ZDate.optional(),
  granularity: z.enum(["month", "quarter"]).default("quarter"),
}).strict();
export type TSurveyResultsQuery = z.infer<typeof ZSurveyResultsQuery>;

export const ZSurveyResults = z.object({
  overall: ZScoreSummary,
  byTier: z.array(ZScoreSummary.extend({ tier: ZTier })),
  bySegment: z.array(ZScoreSummary.extend({ segment: z.string().nullable().describe("The account's quadrant in the latest matrix analysis; null when not analysed") })),
  byAccount: z.array(ZScoreSummary.extend({ accountId: ZId, accountName: z.string(), tier: ZTier, segment: z.string().nullable() })),
  overTime: z.array(ZScoreSummary.extend({ period: z.string().describe("2026-03 or 2026-Q1") })),
});
export type TSurveyResults = z.infer<typeof ZSurveyResults>;

export const ZListVerbatimsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  surveyId: ZId.optional(),
  accountId: ZId.optional(),
  tier: ZTier.optional(),
  category: z.enum(["promoter", "passive", "detractor"]).optional(),
  q: withoutNul(z.string().trim().max(200)).optional().describe("Text search in the comments"),
}).strict();
export type TListVerbatimsQuery = z.infer<typeof ZListVerbatimsQuery>;

export const ZSurveyVerbatim = z.object({
  id: ZId,
  surveyId: ZId,
  surveyTitle: z.object({ en: z.string(), "zh-CN": z.string() }),
  accountId: ZId,
  accountName: z.string(),
  contactName: z.string().nullable(),
  submittedAt: ZDateTime,
  npsScore: z.number().int().nullable(),
  csatScore: z.number().int().nullable(),
  comment: z.string().nullable().describe("Exactly as written; render it as text"),
  texts: z.array(z.object({ questionId: z.string(), prompt: z.string(), text: z.string() })).describe("Answers to text questions, prompts in the response's language"),
  language: ZSurveyLanguage,
  feedbackItemId: ZId.nullable(),
});
export type TSurveyVerbatim = z.infer<typeof ZSurveyVerbatim>;

// ---- Public (no sign-in): what the customer's link shows and sends.

export const ZPublicSurveyParams = z.object({ token: z.string() });
export const ZPublicSurveyQuery = z.object({ lang: ZSurveyLanguage.optional().describe("Show the survey in this language instead of the invitation's") }).strict();

const ZPublicText = (max: number) => z.string().max(max);
export const ZPublicSurvey = z.object({
  language: ZSurveyLanguage,
  invitationLanguage: ZSurveyLanguage,
  accountName: z.string().describe("The invited account's display name, nothing else"),
  title: z.string(),
  intro: z.string().nullable(),
  questions: z.array(z.discriminatedUnion("kind", [
    z.object({ id: z.string(), kind: z.literal("nps"), prompt: z.string(), required: z.boolean(), followUp: z.string() }),
    z.object({ id: z.string(), kind: z.literal("csat"), prompt: z.string(), required: z.boolean() }),
    z.object({ id: z.string(), kind: z.literal("scale"), prompt: z.string(), required: z.boolean(), min: z.number(), max: z.number(), minLabel: z.string().nullable(), maxLabel: z.string().nullable() }),
    z.object({ id: z.string(), kind: z.enum(["single_choice", "multiple_choice"]), prompt: z.string(), required: z.boolean(), options: z.array(z.object({ id: z.string(), label: z.string() })) }),
    z.object({ id: z.string(), kind: z.literal("text"), prompt: z.string(), required: z.boolean() }),
  ])),
  maxTextLength: z.number().int(),
  expiresAt: ZDateTime,
});
export type TPublicSurvey = z.infer<typeof ZPublicSurvey>;

const ZAnswerText = withoutNul(ZPublicText(SURVEY_LIMITS.answerText));
export const ZSubmitSurveyResponseRequest = z.object({
  submissionId: z.uuid().describe("Made by the browser once per answer; sending it again returns the same result"),
  answers: z.record(
    z.string().max(40),
    z.union([z.number().int().min(0).max(10), ZAnswerText, z.array(z.string().max(40)).max(SURVEY_LIMITS.options)]),
  ).refine((a) => Object.keys(a).length <= SURVEY_LIMITS.questions, `At most ${SURVEY_LIMITS.questions} answers`),
  comment: ZAnswerText.nullable().optional().describe("The \"why\" of the NPS score"),
  language: ZSurveyLanguage.optional().describe("The language the customer answered in"),
}).strict();
export type TSubmitSurveyResponseRequest = z.infer<typeof ZSubmitSurveyResponseRequest>;

export const ZSurveyResponseReceipt = z.object({
  status: z.literal("received"),
  submissionId: z.uuid(),
  submittedAt: ZDateTime,
});
export type TSurveyResponseReceipt = z.infer<typeof ZSurveyResponseReceipt>;
