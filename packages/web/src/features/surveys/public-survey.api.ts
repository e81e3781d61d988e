import type { TPublicSurvey, TSubmitSurveyResponseRequest, TSurveyResponseReceipt } from "@openkam/contracts";
import { forgetSubmission, getPublic, postPublic, submissionIdFor } from "../../lib/api/public-link";

/** The survey page only ever talks to /api/public/surveys/{token}. */
const base = (token: string) => `/api/public/surveys/${encodeURIComponent(token)}`;

export const fetchPublicSurvey = (token: string, lang?: string) =>
  getPublic<TPublicSurvey>(`${base(token)}${lang ? `?lang=${encodeURIComponent(lang)}` : ""}`);

export const submitPublicSurvey = (token: string, body: TSubmitSurveyResponseRequest) =>
  postPublic<TSurveyResponseReceipt>(`${base(token)}/responses`, body);

export const surveySubmissionId = (token: string) => submissionIdFor("survey", token);
export const forgetSurveySubmission = (token: string) => forgetSubmission("survey", token);
