import type { TPublicReview, TPublicReviewAnswer, TPublicReviewAnswerRequest } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { ratingProblems, type ReviewCriterion, type ReviewLanguage } from "@openkam/domain";
import { AppError } from "../../http/app-error";
import { linkExpired, linkNotFound, openPublicLink } from "../../public-links/open-link";
import { recordAudit } from "../audit/audit.repository";
import * as repo from "./reviews.repository";

interface PublicOptions {
  db: Db;
  token: string;
  ip: string;
  now?: Date;
}

const alreadyAnswered = () => new AppError("ALREADY_ANSWERED", "This review was already answered. Thank you!");

/** Expired covers a closed review too: either way the link no longer takes answers. */
const isOver = (row: { invitation: { expiresAt: Date | null }; cycle: { status: string } }, now: Date) =>
  row.cycle.status === "closed" || (row.invitation.expiresAt !== null && row.invitation.expiresAt <= now);

/** What the customer's page shows: who asks, the criteria in both languages, and nothing about the account or the other answers. */
export async function getPublicReview({ db, token, ip, now = new Date() }: PublicOptions): Promise<TPublicReview> {
  const { scope, hash } = await openPublicLink(db, { kind: "review", token, ip, now });
  const row = await repo.findByTokenHash(db, scope, hash);
  if (!row) throw linkNotFound();
  if (row.invitation.respondedAt) throw alreadyAnswered();
  if (isOver(row, now)) throw linkExpired();
  return {
    organizationName: row.organizationName,
    title: row.cycle.title,
    language: row.invitation.language,
    criteria: row.cycle.criteria,
    expiresAt: row.invitation.expiresAt!.toISOString(),
  };
}

/**
 * Records the customer's ratings once. The page makes the submission id and keeps it, so a submit retried after a
 * dropped connection gets the same answer; any other submission on an answered link is refused with 409.
 */
export async function answerPublicReview({ db, token, ip, input, now = new Date() }: PublicOptions & { input: TPublicReviewAnswerRequest }): Promise<TPublicReviewAnswer> {
  const { scope, hash } = await openPublicLink(db, { kind: "review", token, ip, now });
  return db.transaction(async (tx) => {
    const row = await repo.findByTokenHash(tx, scope, hash, { forUpdate: true });
    if (!row) throw linkNotFound();
    const { invitation, cycle } = row;
    if (invitation.respondedAt) {
      if (invitation.submissionId === input.submissionId) return { submissionId: input.submissionId, respondedAt: invitation.respondedAt.toISOString() };
      throw alreadyAnswered();
    }
    if (isOver(row, now)) throw linkExpired();
    const problems = ratingProblems(cycle.criteria as ReviewCriterion[], input.ratings);
    if (problems.length > 0) throw new AppError("VALIDATION_FAILED", "Some ratings need a second look", { errors: problems });
    const language: ReviewLanguage = input.language ?? invitation.language;
    if (!(await repo.saveAnswer(tx, scope, invitation.id, { ratings: input.ratings, comment: input.comment ?? null, submissionId: input.submissionId, respondedAt: now, language }))) {
      throw alreadyAnswered();
    }
    await recordAudit(tx, scope, { action: "update", entityType: "review_invitation", entityId: invitation.id, after: { cycleId: cycle.id, view: "customer", answered: true } });
    return { submissionId: input.submissionId, respondedAt: now.toISOString() };
  });
}
