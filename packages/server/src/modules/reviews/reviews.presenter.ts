import type { TReviewCycle, TReviewCycleDetail, TReviewSettings } from "@openkam/contracts";
import { DEFAULT_GAP_THRESHOLD, DEFAULT_REVIEW_CRITERIA, REVIEW_VIEWS, summarizeReview, type ReviewCriterion } from "@openkam/domain";
import type { CycleRow, InvitationWithName, ReviewSettingsRow } from "./reviews.repository";

export function presentSettings(row: ReviewSettingsRow | undefined): TReviewSettings {
  return row
    ? { criteria: row.criteria, gapThreshold: Number(row.gapThreshold), version: row.version }
    : { criteria: DEFAULT_REVIEW_CRITERIA.map((c) => ({ key: c.key, labels: { ...c.labels } })), gapThreshold: DEFAULT_GAP_THRESHOLD, version: 0 };
}

function resultsOf(cycle: CycleRow, invitations: readonly InvitationWithName[]) {
  const answers = invitations.filter((i) => i.ratings !== null).map((i) => ({ view: i.view, ratings: i.ratings! }));
  return summarizeReview(cycle.criteria as ReviewCriterion[], answers, Number(cycle.gapThreshold));
}

export function presentCycle(cycle: CycleRow, invitations: readonly InvitationWithName[]): TReviewCycle {
  const own = invitations.filter((i) => i.cycleId === cycle.id);
  const results = resultsOf(cycle, own);
  const progress = Object.fromEntries(REVIEW_VIEWS.map((view) => {
    const of = own.filter((i) => i.view === view);
    return [view, { invited: of.length, answered: of.filter((i) => i.respondedAt !== null).length }];
  })) as TReviewCycle["progress"];
  return {
    id: cycle.id,
    accountId: cycle.accountId,
    accountName: cycle.accountName,
    title: cycle.title,
    periodStart: cycle.periodStart,
    periodEnd: cycle.periodEnd,
    status: cycle.status,
    gapThreshold: Number(cycle.gapThreshold),
    progress,
    overall: results.overall,
    gapCount: results.gaps.length,
    createdAt: cycle.createdAt.toISOString(),
    closedAt: cycle.closedAt?.toISOString() ?? null,
    version: cycle.version,
  };
}

export function presentCycleDetail(cycle: CycleRow, invitations: readonly InvitationWithName[], canManage: boolean): TReviewCycleDetail {
  const own = invitations.filter((i) => i.cycleId === cycle.id);
  const results = resultsOf(cycle, own);
  return {
    ...presentCycle(cycle, own),
    criteria: cycle.criteria,
    invitations: own.map((i) => ({
      id: i.id, view: i.view, userId: i.userId, name: i.name, email: canManage ? i.email : null, language: i.language,
      sentAt: i.sentAt?.toISOString() ?? null, expiresAt: i.expiresAt?.toISOString() ?? null, respondedAt: i.respondedAt?.toISOString() ?? null,
    })),
    results: { criteria: results.criteria, viewOverall: results.viewOverall, overall: results.overall, gaps: results.gaps },
    // Shown by view, not by person, so colleagues can be candid about each other.
    comments: own.filter((i) => i.comment).map((i) => ({ view: i.view, comment: i.comment! })).sort((a, b) => REVIEW_VIEWS.indexOf(a.view) - REVIEW_VIEWS.indexOf(b.view)),
    canManage,
  };
}

export function auditedCycle(cycle: CycleRow) {
  return { id: cycle.id, accountId: cycle.accountId, title: cycle.title, periodStart: cycle.periodStart, periodEnd: cycle.periodEnd, status: cycle.status, version: cycle.version };
}
