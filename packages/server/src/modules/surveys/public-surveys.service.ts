import type { TPublicSurvey, TSubmitSurveyResponseRequest, TSurveyResponseReceipt } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { checkResponse, isLowScore, localizeQuestion, lowScoreSeverity, SURVEY_LIMITS, type SurveyLanguage } from "@openkam/domain";
import { AppError } from "../../http/app-error";
import { linkExpired, linkNotFound, openPublicLink } from "../../public-links/open-link";
import { createFeedbackItem } from "../feedback/feedback.service";
import * as repo from "./public-surveys.repository";

interface PublicOptions {
  db: Db;
  token: string;
  /** The caller's address, for the per-address limit. */
  ip: string;
  now?: Date;
}

const alreadyAnswered = () => new AppError("ALREADY_ANSWERED", "This survey was already answered. Thank you!");

/** The survey behind a link, in the invitation's language or the one asked for; the account's name and nothing else. */
export async function getPublicSurvey({ db, token, ip, language, now = new Date() }: PublicOptions & { language?: SurveyLanguage }): Promise<TPublicSurvey> {
  const { scope, hash } = await openPublicLink(db, { kind: "survey", token, ip, now });
  const row = await repo.findByToken(db, scope, hash);
  if (!row) throw linkNotFound();
  if (row.response) throw alreadyAnswered();
  if (row.invitation.expiresAt <= now) throw linkExpired();
  const lang = language ?? row.invitation.language;
  const { definition } = row;
  return {
    language: lang,
    invitationLanguage: row.invitation.language,
    accountName: row.accountName,
    title: definition.title[lang],
    intro: definition.intro?.[lang] ?? null,
    questions: definition.questions.map((q) => localizeQuestion(q, lang)),
    maxTextLength: SURVEY_LIMITS.answerText,
    expiresAt: row.invitation.expiresAt.toISOString(),
  };
}

const receiptOf = (r: { submissionId: string; submittedAt: Date }): TSurveyResponseReceipt => ({ status: "received", submissionId: r.submissionId, submittedAt: r.submittedAt.toISOString() });

/**
 * Records the answer to a link, once. The browser makes the submission id, so a submit retried
 * after a dropped connection finds its own response and gets the same receipt; any other
 * submission on an answered link is refused. A low score opens a feedback item in the same
 * transaction: the response and its follow-up commit together or not at all.
 */
export async function submitPublicResponse({ db, token, ip, input, now = new Date() }: PublicOptions & { input: TSubmitSurveyResponseRequest }): Promise<TSurveyResponseReceipt> {
  const { scope, hash } = await openPublicLink(db, { kind: "survey", token, ip, now });
  return db.transaction(async (tx) => {
    const row = await repo.findByToken(tx, scope, hash, { forUpdate: true });
    if (!row) throw linkNotFound();
    if (row.response) {
      if (row.response.submissionId === input.submissionId) return receiptOf(row.response);
      throw alreadyAnswered();
    }
    if (row.invitation.expiresAt <= now) throw linkExpired();
    const { errors, response } = checkResponse(row.definition, input.answers, input.comment);
    if (errors.length > 0) throw new AppError("VALIDATION_FAILED", "Some answers need a second look", { errors });
    const { invitation } = row;
    const saved = await repo.insertResponse(tx, scope, {
      id: newId(), surveyId: invitation.surveyId, surveyVersion: invitation.surveyVersion, invitationId: invitation.id, accountId: invitation.accountId,
      contactId: invitation.contactId, submissionId: input.submissionId, submittedAt: now, npsScore: response.npsScore, csatScore: response.csatScore,
      comment: response.comment, answers: response.answers, language: input.language ?? invitation.language,
    });
    if (!saved) throw alreadyAnswered();
    await repo.markResponded(tx, scope, invitation.id, now);
    if (isLowScore(response)) {
      const scores = [response.npsScore === null ? null : `NPS ${response.npsScore}`, response.csatScore === null ? null : `CSAT ${response.csatScore}`].filter(Boolean).join(" · ");
      const feedback = await createFeedbackItem(tx, scope, {
        accountId: invitation.accountId, source: "survey", sourceId: saved.id, title: `${scores} · ${row.contactName}`.slice(0, 200),
        description: response.comment, category: "survey", severity: lowScoreSeverity(response),
      });
      await repo.linkFeedback(tx, scope, saved.id, feedback.id);
    }
    return receiptOf(saved);
  });
}
