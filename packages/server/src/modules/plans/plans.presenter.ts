import type { TPlan, TPlanContent, TPlanSummary, TPlanVersion, TPlanVersionSummary } from "@openkam/contracts";
import { actionCompletion } from "@openkam/domain/plans/index";
import type { findVersion, listVersions, PlanRow } from "./plans.repository";

/** The database checks the content's shape on the way in (the contract); read back, it is that shape. */
export const contentOf = (row: { content: unknown }) => row.content as TPlanContent;

export function presentPlanSummary(row: PlanRow): TPlanSummary {
  return {
    id: row.id,
    accountId: row.accountId,
    title: row.title,
    templateKey: row.templateKey,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status,
    progress: row.progress,
    actionCompletion: actionCompletion(contentOf(row).actions),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedVersion: row.approvedVersion,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedBy: row.approvedBy,
    reviewComment: row.reviewComment,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentPlan(row: PlanRow): TPlan {
  return { ...presentPlanSummary(row), content: contentOf(row) };
}

type VersionSummaryRow = Awaited<ReturnType<typeof listVersions>>[number];

export function presentVersionSummary(row: VersionSummaryRow): TPlanVersionSummary {
  return {
    version: row.version, change: row.change, status: row.status, title: row.title, progress: row.progress,
    createdBy: row.createdBy, createdByName: row.createdByName, createdAt: row.createdAt.toISOString(),
  };
}

export function presentVersion(row: NonNullable<Awaited<ReturnType<typeof findVersion>>>): TPlanVersion {
  return { ...presentVersionSummary(row), planId: row.planId, periodStart: row.periodStart, periodEnd: row.periodEnd, content: contentOf(row) };
}
