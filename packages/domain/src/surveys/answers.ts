import { SURVEY_LIMITS, type SurveyDefinition, type SurveyFieldError } from "./definition";

/** What a customer sends: per question id a score, an option id, option ids or a text. */
export type SurveyAnswerValue = number | string | string[];
export type SurveyAnswers = Record<string, SurveyAnswerValue>;

export interface CheckedResponse {
  npsScore: number | null;
  csatScore: number | null;
  /** The "why" of the NPS question, or the general comment when the survey asks no NPS. */
  comment: string | null;
  /** Only the answers to questions of the survey, empty texts dropped. */
  answers: SurveyAnswers;
}

const isWhole = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/**
 * Checks a response against the survey it answers: every required question answered, every
 * answer of the question's kind and range, no answer to a question the survey does not ask,
 * texts within the limit. Texts are kept exactly as written (blank ones count as unanswered);
 * showing them safely is the reader's job. Returns the scores pulled out for the results, or the field errors.
 */
export function checkResponse(definition: SurveyDefinition, answers: SurveyAnswers, comment: string | null | undefined): { errors: SurveyFieldError[]; response: CheckedResponse } {
  const errors: SurveyFieldError[] = [];
  const kept: SurveyAnswers = {};
  let npsScore: number | null = null;
  let csatScore: number | null = null;
  const asked = new Set(definition.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!asked.has(id)) errors.push({ field: `answers.${id}`, message: "This survey does not ask this question" });
  for (const q of definition.questions) {
    const field = `answers.${q.id}`;
    const value = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined;
    const empty = value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) errors.push({ field, message: "Please answer this question" });
      continue;
    }
    switch (q.kind) {
      case "nps":
        if (!isWhole(value, 0, 10)) errors.push({ field, message: "Choose a score from 0 to 10" });
        else npsScore = value;
        break;
      case "csat":
        if (!isWhole(value, 1, 5)) errors.push({ field, message: "Choose a score from 1 to 5" });
        else csatScore = value;
        break;
      case "scale":
        if (!isWhole(value, q.min, q.max)) errors.push({ field, message: `Choose a score from ${q.min} to ${q.max}` });
        break;
      case "single_choice":
        if (typeof value !== "string" || !q.options.some((o) => o.id === value)) errors.push({ field, message: "Choose one of the options" });
        break;
      case "multiple_choice":
        if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || !q.options.some((o) => o.id === v)) || new Set(value).size !== value.length) {
          errors.push({ field, message: "Choose among the options, each at most once" });
        }
        break;
      case "text":
        if (typeof value !== "string") errors.push({ field, message: "Write a text" });
        else if (value.length > SURVEY_LIMITS.answerText) errors.push({ field, message: `At most ${SURVEY_LIMITS.answerText} characters` });
        break;
    }
    kept[q.id] = value;
  }
  const why = typeof comment === "string" && comment.trim() !== "" ? comment : null;
  if (why !== null && why.length > SURVEY_LIMITS.answerText) errors.push({ field: "comment", message: `At most ${SURVEY_LIMITS.answerText} characters` });
  return { errors, response: { npsScore, csatScore, comment: why, answers: kept } };
}
