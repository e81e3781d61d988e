import type {
  TAnswerReviewRequest, TCreatedReviewCycle, TCreateReviewCycleRequest, TCustomerLink, TIssueCustomerLinkRequest, TPendingReview, TPutReviewSettingsRequest, TReviewCycle,
} from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { criteriaProblems, ratingProblems, type ReviewCriterion, type ReviewLanguage, type ReviewView } from "@openkam/domain";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Mailer } from "../../mail/mailer";
import { newPublicToken } from "../../public-links/public-token";
import type { Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { canManageReviews, assertCanManageReviews } from "./reviews.policy";
import { auditedCycle, presentCycle, presentCycleDetail, presentSettings } from "./reviews.presenter";
import * as repo from "./reviews.repository";
import { renderReviewInvitationMail } from "./review-mail";

interface Options {
  db: Db;
  scope: Scope;
  now?: Date;
}

/** What sending the customer's link needs: the mailer (maybe disabled) and where the app is reached. */
export interface LinkDelivery {
  mailer: Mailer;
  publicUrl: string;
  log?: { warn: (obj: object, msg: string) => void };
}

const DAY = 86_400_000;

export async function getSettings({ db, scope }: Options) {
  return presentSettings(await repo.findSettings(db, scope));
}

export async function putSettings({ db, scope, input, expected }: Options & { input: TPutReviewSettingsRequest; expected?: ExpectedVersion }) {
  assertCanManageReviews(scope);
  const problems = criteriaProblems(input.criteria);
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", problems[0]!.message, { errors: problems });
  return db.transaction(async (tx) => {
    const current = await repo.findSettings(tx, scope, { forUpdate: true });
    const before = presentSettings(current);
    if (expected && before.version !== expected.version) throw staleVersion(expected, before);
    const values = { criteria: input.criteria, gapThreshold: String(input.gapThreshold) };
    const row = current ? await repo.updateSettings(tx, scope, current.version, values) : await repo.insertSettings(tx, scope, values);
    if (!row) throw new AppError("CONFLICT", "Someone else saved the review settings at the same moment; reload and try again");
    const after = presentSettings(row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "review_settings", entityId: scope.orgId, before: current ? before : undefined, after });
    return after;
  });
}

/** Who answers which view: the KAM leads assess themselves, the rest of the team is the team view, the directors the director view. */
function internalInvitations(team: ReadonlyArray<{ userId: string; teamRole: string }>, directors: readonly string[], starter: Scope): Map<string, ReviewView> {
  const views = new Map<string, ReviewView>();
  for (const m of team) if (m.teamRole === "kam_lead") views.set(m.userId, "self");
  const asDirectors = directors.length > 0 ? directors : starter.userId ? [starter.userId] : [];
  for (const id of asDirectors) if (!views.has(id)) views.set(id, "director");
  for (const m of team) if (!views.has(m.userId)) views.set(m.userId, "team");
  return views;
}

async function sendLink(db: Db, scope: Scope, delivery: LinkDelivery, invitationId: string, mail: { to: string; language: ReviewLanguage; link: string; expiresAt: Date }, now: Date) {
  if (!delivery.mailer.enabled) return false;
  try {
    await delivery.mailer.send(renderReviewInvitationMail({ ...mail, organizationName: await repo.organizationName(db, scope) }));
    await repo.markSent(db, scope, invitationId, now);
    return true;
  } catch (error) {
    // The link stays valid and can be copied from the review page; a failed e-mail must not undo the review.
    delivery.log?.warn({ err: error, invitationId }, "review link e-mail failed");
    return false;
  }
}

const linkUrl = (delivery: LinkDelivery, token: string) => `${delivery.publicUrl}/r/${token}`;

async function loadDetail(db: Db, scope: Scope, id: string) {
  const cycle = await repo.findCycle(db, scope, id);
  if (!cycle) throw notFound("Review");
  return presentCycleDetail(cycle, await repo.invitationsOfCycles(db, scope, [id]), canManageReviews(scope));
}

/**
 * Starts a review of an account's relationship for a period: invites the team, the KAM lead and the directors in
 * the app, and the customer through a link that is shown once (only its hash is kept) and e-mailed when possible.
 */
export async function createCycle({ db, scope, accountId, input, delivery, now = new Date() }: Options & { accountId: string; input: TCreateReviewCycleRequest; delivery: LinkDelivery }): Promise<TCreatedReviewCycle> {
  assertCanManageReviews(scope);
  if (input.periodStart > input.periodEnd) throw invalid("periodEnd", "The period must end on or after its start");
  const id = newId();
  const customer = await db.transaction(async (tx) => {
    if (!(await accountExists(tx, scope, accountId))) throw notFound("Account");
    const contact = input.customerContactId ? await repo.findContact(tx, scope, input.customerContactId, accountId) : undefined;
    if (input.customerContactId && !contact) throw invalid("customerContactId", "Choose a contact of this account");
    const settings = presentSettings(await repo.findSettings(tx, scope));
    await repo.insertCycle(tx, scope, {
      id, accountId, title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd, criteria: settings.criteria,
      gapThreshold: String(settings.gapThreshold), createdBy: scope.userId,
    });
    const views = internalInvitations(await repo.answeringTeam(tx, scope, accountId), await repo.activeDirectors(tx, scope), scope);
    const link = newPublicToken(scope.orgId);
    const expiresAt = new Date(now.getTime() + input.linkValidDays * DAY);
    const email = input.customerEmail ?? contact?.email ?? null;
    const customerInvitation = { id: newId(), cycleId: id, view: "customer" as const, contactId: contact?.id ?? null, email, language: input.customerLanguage, tokenHash: link.hash, expiresAt };
    await repo.insertInvitations(tx, scope, [
      ...[...views].map(([userId, view]) => ({ id: newId(), cycleId: id, view, userId, language: input.customerLanguage })),
      customerInvitation,
    ]);
    const cycle = (await repo.findCycle(tx, scope, id))!;
    await recordAudit(tx, scope, { action: "create", entityType: "review_cycle", entityId: id, after: { ...auditedCycle(cycle), invited: views.size + 1 } });
    return { invitationId: customerInvitation.id, token: link.token, email, expiresAt, language: input.customerLanguage };
  });
  const url = linkUrl(delivery, customer.token);
  const emailed = input.sendEmail && customer.email
    ? await sendLink(db, scope, delivery, customer.invitationId, { to: customer.email, language: customer.language, link: url, expiresAt: customer.expiresAt }, now)
    : false;
  return { cycle: await loadDetail(db, scope, id), customerLink: { url, expiresAt: customer.expiresAt.toISOString(), emailed } };
}

/** A new link for the customer; the previous one stops working. Refused once the customer has answered. */
export async function issueCustomerLink({ db, scope, cycleId, input, delivery, now = new Date() }: Options & { cycleId: string; input: TIssueCustomerLinkRequest; delivery: LinkDelivery }): Promise<TCustomerLink> {
  assertCanManageReviews(scope);
  const issued = await db.transaction(async (tx) => {
    const cycle = await repo.findCycle(tx, scope, cycleId, { forUpdate: true });
    if (!cycle) throw notFound("Review");
    if (cycle.status === "closed") throw new AppError("CONFLICT", "This review is closed");
    const invitation = await repo.findCustomerInvitation(tx, scope, cycleId);
    if (!invitation) throw notFound("Customer invitation");
    if (invitation.respondedAt) throw new AppError("ALREADY_ANSWERED", "The customer has already answered this review");
    const link = newPublicToken(scope.orgId);
    const expiresAt = new Date(now.getTime() + input.linkValidDays * DAY);
    const email = input.email === undefined ? invitation.email : input.email;
    const language = input.language ?? invitation.language;
    await repo.replaceCustomerLink(tx, scope, invitation.id, { tokenHash: link.hash, expiresAt, email, language });
    await recordAudit(tx, scope, { action: "update", entityType: "review_invitation", entityId: invitation.id, after: { cycleId, view: "customer", newLink: true, expiresAt: expiresAt.toISOString() } });
    return { invitationId: invitation.id, token: link.token, email, language, expiresAt };
  });
  const url = linkUrl(delivery, issued.token);
  const emailed = input.sendEmail && issued.email
    ? await sendLink(db, scope, delivery, issued.invitationId, { to: issued.email, language: issued.language, link: url, expiresAt: issued.expiresAt }, now)
    : false;
  return { url, expiresAt: issued.expiresAt.toISOString(), emailed };
}

export async function getCycle({ db, scope, id }: Options & { id: string }) {
  return loadDetail(db, scope, id);
}

export async function listAccountCycles({ db, scope, accountId }: Options & { accountId: string }): Promise<{ items: TReviewCycle[] }> {
  if (!(await accountExists(db, scope, accountId))) throw notFound("Account");
  const cycles = await repo.listCyclesOfAccount(db, scope, accountId);
  const invitations = await repo.invitationsOfCycles(db, scope, cycles.map((c) => c.id));
  return { items: cycles.map((c) => presentCycle(c, invitations)) };
}

export async function closeCycle({ db, scope, id, expected, now = new Date() }: Options & { id: string; expected: ExpectedVersion }) {
  assertCanManageReviews(scope);
  await db.transaction(async (tx) => {
    const cycle = await repo.findCycle(tx, scope, id, { forUpdate: true });
    if (!cycle) throw notFound("Review");
    if (cycle.version !== expected.version) throw staleVersion(expected, auditedCycle(cycle));
    if (cycle.status === "closed") throw new AppError("CONFLICT", "This review is already closed");
    if (!(await repo.closeCycle(tx, scope, id, cycle.version, now))) throw staleVersion(expected, auditedCycle(cycle));
    await recordAudit(tx, scope, { action: "update", entityType: "review_cycle", entityId: id, before: auditedCycle(cycle), after: { ...auditedCycle(cycle), status: "closed", version: cycle.version + 1 } });
  });
  return loadDetail(db, scope, id);
}

/** The reviews waiting for the caller's answer. */
export async function listPending({ db, scope }: Options): Promise<{ items: TPendingReview[] }> {
  if (!scope.userId) return { items: [] };
  const rows = await repo.pendingOfUser(db, scope, scope.userId);
  return {
    items: rows.map((r) => ({
      invitationId: r.invitation.id, cycleId: r.cycle.id, accountId: r.cycle.accountId, accountName: r.accountName, title: r.cycle.title, view: r.invitation.view,
      periodStart: r.cycle.periodStart, periodEnd: r.cycle.periodEnd, criteria: r.cycle.criteria, invitedAt: r.invitation.createdAt.toISOString(),
    })),
  };
}

/** The caller's own answer to a review they are invited to; once, while the review is open. */
export async function answerReview({ db, scope, cycleId, input, now = new Date() }: Options & { cycleId: string; input: TAnswerReviewRequest }) {
  if (!scope.userId) throw notFound("Review");
  await db.transaction(async (tx) => {
    const cycle = await repo.findCycle(tx, scope, cycleId);
    const invitation = cycle ? await repo.findUserInvitation(tx, scope, cycleId, scope.userId!) : undefined;
    if (!cycle || !invitation) throw notFound("Review invitation");
    if (cycle.status === "closed") throw new AppError("CONFLICT", "This review is closed");
    if (invitation.respondedAt) throw new AppError("ALREADY_ANSWERED", "You have already answered this review");
    const problems = ratingProblems(cycle.criteria as ReviewCriterion[], input.ratings);
    if (problems.length > 0) throw new AppError("VALIDATION_FAILED", problems[0]!.message, { errors: problems });
    if (!(await repo.saveAnswer(tx, scope, invitation.id, { ratings: input.ratings, comment: input.comment ?? null, submissionId: null, respondedAt: now }))) {
      throw new AppError("ALREADY_ANSWERED", "You have already answered this review");
    }
    await recordAudit(tx, scope, { action: "update", entityType: "review_invitation", entityId: invitation.id, after: { cycleId, view: invitation.view, answered: true } });
  });
  return loadDetail(db, scope, cycleId);
}
