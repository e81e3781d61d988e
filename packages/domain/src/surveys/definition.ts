/**
 * Customer surveys: what a survey asks, in both languages of the product. Pure rules, no I/O.
 * A survey holds at most one NPS and one CSAT question, so every response has at most one score
 * of each and the results can be computed from two columns.
 */

export const SURVEY_LANGUAGES = ["en", "zh-CN"] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

export const SURVEY_QUESTION_KINDS = ["nps", "csat", "scale", "single_choice", "multiple_choice", "text"] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** Whom a sending goes to: one account's contacts, every account of a tier, or the KAM programme's cohort. */
export const SURVEY_TARGET_KINDS = ["account", "tier", "cohort"] as const;
export type SurveyTargetKind = (typeof SURVEY_TARGET_KINDS)[number];

/** An invitation's e-mail: waiting, claimed by a sender, sent, failed (retried), or not sent because e-mail is not set up. */
export const SURVEY_MAIL_STATUSES = ["pending", "sending", "sent", "failed", "not_configured"] as const;
export type SurveyMailStatus = (typeof SURVEY_MAIL_STATUSES)[number];

/** How often a schedule sends (see schedule.ts). */
export const SURVEY_RECURRENCES = ["monthly", "quarterly", "half_yearly", "yearly"] as const;
export type SurveyRecurrence = (typeof SURVEY_RECURRENCES)[number];

/** A text in every survey language. */
export type LocalizedText = Record<SurveyLanguage, string>;

export const SURVEY_LIMITS = {
  questions: 30,
  options: 20,
  /** Title, prompt and option texts. */
  label: 500,
  intro: 2_000,
  /** What a customer may write in one text answer or comment. */
  answerText: 4_000,
  /** A custom scale runs within 0..10 (as NPS does). */
  scaleMin: 0,
  scaleMax: 10,
} as const;

interface QuestionBase {
  /** Stable within the survey; answers are keyed by it. */
  id: string;
  prompt: LocalizedText;
  required: boolean;
}

export type SurveyQuestion =
  | (QuestionBase & { kind: "nps"; /** The "why" asked after the score. */ followUp: LocalizedText })
  | (QuestionBase & { kind: "csat" })
  | (QuestionBase & { kind: "scale"; min: number; max: number; minLabel?: LocalizedText | null; maxLabel?: LocalizedText | null })
  | (QuestionBase & { kind: "single_choice" | "multiple_choice"; options: Array<{ id: string; label: LocalizedText }> })
  | (QuestionBase & { kind: "text" });

export interface SurveyDefinition {
  title: LocalizedText;
  intro?: LocalizedText | null;
  questions: SurveyQuestion[];
}

export interface SurveyFieldError {
  field: string;
  message: string;
}

const QUESTION_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

function checkText(errors: SurveyFieldError[], field: string, text: LocalizedText | null | undefined, max: number, required = true) {
  if (text === null || text === undefined) {
    if (required) errors.push({ field, message: "Required in English and Chinese" });
    return;
  }
  for (const language of SURVEY_LANGUAGES) {
    const value = text[language];
    if (typeof value !== "string" || value.trim() === "") errors.push({ field: `${field}.${language}`, message: "Required in this language" });
    else if (value.length > max) errors.push({ field: `${field}.${language}`, message: `At most ${max} characters` });
  }
}

/**
 * The problems of a survey definition, one per field (empty when it is valid): texts in both
 * languages, 1-30 questions with unique ids, at most one NPS and one CSAT question, scales
 * within 0..10 with min below max, choices with 2-20 distinct options.
 */
export function validateSurveyDefinition(definition: SurveyDefinition): SurveyFieldError[] {
  const errors: SurveyFieldError[] = [];
  checkText(errors, "title", definition.title, SURVEY_LIMITS.label);
  checkText(errors, "intro", definition.intro, SURVEY_LIMITS.intro, false);
  const { questions } = definition;
  if (questions.length === 0) errors.push({ field: "questions", message: "Add at least one question" });
  if (questions.length > SURVEY_LIMITS.questions) errors.push({ field: "questions", message: `At most ${SURVEY_LIMITS.questions} questions` });
  const ids = new Set<string>();
  const counts = { nps: 0, csat: 0 };
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!QUESTION_ID.test(q.id)) errors.push({ field: `${at}.id`, message: "Use 1-40 lower-case letters, digits, - or _" });
    else if (ids.has(q.id)) errors.push({ field: `${at}.id`, message: "Another question has this id" });
    ids.add(q.id);
    checkText(errors, `${at}.prompt`, q.prompt, SURVEY_LIMITS.label);
    switch (q.kind) {
      case "nps":
        counts.nps++;
        checkText(errors, `${at}.followUp`, q.followUp, SURVEY_LIMITS.label);
        break;
      case "csat":
        counts.csat++;
        break;
      case "scale":
        if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.min < SURVEY_LIMITS.scaleMin || q.max > SURVEY_LIMITS.scaleMax || q.min >= q.max) {
          errors.push({ field: `${at}.max`, message: `A scale runs from a whole number to a larger one, within ${SURVEY_LIMITS.scaleMin}-${SURVEY_LIMITS.scaleMax}` });
        }
        checkText(errors, `${at}.minLabel`, q.minLabel, SURVEY_LIMITS.label, false);
        checkText(errors, `${at}.maxLabel`, q.maxLabel, SURVEY_LIMITS.label, false);
        break;
      case "single_choice":
      case "multiple_choice": {
        if (q.options.length < 2 || q.options.length > SURVEY_LIMITS.options) errors.push({ field: `${at}.options`, message: `Give 2 to ${SURVEY_LIMITS.options} options` });
        const optionIds = new Set<string>();
        q.options.forEach((o, j) => {
          if (!QUESTION_ID.test(o.id) || optionIds.has(o.id)) errors.push({ field: `${at}.options.${j}.id`, message: "Each option needs its own short id" });
          optionIds.add(o.id);
          checkText(errors, `${at}.options.${j}.label`, o.label, SURVEY_LIMITS.label);
        });
        break;
      }
      case "text":
        break;
    }
  });
  if (counts.nps > 1) errors.push({ field: "questions", message: "A survey asks NPS at most once" });
  if (counts.csat > 1) errors.push({ field: "questions", message: "A survey asks CSAT at most once" });
  return errors;
}

const CHINESE_COUNTRIES = new Set(["CN", "TW", "HK", "MO"]);

/**
 * The language an invitation is written in: the account's own language when it is recorded,
 * else the language of its country when that is known, else the fallback (the survey's default,
 * set by the organization).
 */
export function invitationLanguage({ accountLanguage, country, fallback }: { accountLanguage?: string | null; country?: string | null; fallback: SurveyLanguage }): SurveyLanguage {
  const own = SURVEY_LANGUAGES.find((l) => l.toLowerCase() === accountLanguage?.trim().toLowerCase());
  if (own) return own;
  if (accountLanguage && /^zh/i.test(accountLanguage.trim())) return "zh-CN";
  if (accountLanguage && /^en/i.test(accountLanguage.trim())) return "en";
  if (country && /^[A-Za-z]{2}$/.test(country)) return CHINESE_COUNTRIES.has(country.toUpperCase()) ? "zh-CN" : "en";
  return fallback;
}

interface LocalizedBase {
  id: string;
  prompt: string;
  required: boolean;
}

/** A question as one language sees it: every text in that language. */
export type LocalizedSurveyQuestion =
  | (LocalizedBase & { kind: "nps"; followUp: string })
  | (LocalizedBase & { kind: "csat" })
  | (LocalizedBase & { kind: "scale"; min: number; max: number; minLabel: string | null; maxLabel: string | null })
  | (LocalizedBase & { kind: "single_choice" | "multiple_choice"; options: Array<{ id: string; label: string }> })
  | (LocalizedBase & { kind: "text" });

export function localizeQuestion(q: SurveyQuestion, language: SurveyLanguage): LocalizedSurveyQuestion {
  const pick = (t: LocalizedText | null | undefined) => (t ? t[language] : null);
  switch (q.kind) {
    case "nps":
      return { id: q.id, kind: q.kind, required: q.required, prompt: q.prompt[language], followUp: q.followUp[language] };
    case "scale":
      return { id: q.id, kind: q.kind, required: q.required, prompt: q.prompt[language], min: q.min, max: q.max, minLabel: pick(q.minLabel), maxLabel: pick(q.maxLabel) };
    case "single_choice":
    case "multiple_choice":
      return { id: q.id, kind: q.kind, required: q.required, prompt: q.prompt[language], options: q.options.map((o) => ({ id: o.id, label: o.label[language] })) };
    case "csat":
    case "text":
      return { id: q.id, kind: q.kind, required: q.required, prompt: q.prompt[language] };
  }
}
