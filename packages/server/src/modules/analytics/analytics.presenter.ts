import type { TAnalysisResult, TAnalysisRun } from "@openkam/contracts";
import type { SelectionRule } from "@openkam/domain";
import type { ResultRow, RunRow } from "./analytics.repository";
import { resultValues } from "./result-figures";

/** The wire shape of a run; parameters and summary are stored in their wire shape already. */
export function presentRun(row: RunRow): TAnalysisRun {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    asOf: row.asOf,
    parameters: row.parameters,
    currency: row.currency,
    scope: row.scope,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy, name: row.createdByName },
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
    accountCount: row.accountCount,
    summary: row.status === "succeeded" ? row.summary : null,
  } as TAnalysisRun;
}

export function presentResult(run: RunRow, row: ResultRow): TAnalysisResult {
  const selection = run.kind === "selection" ? { rule: (run.parameters as { rule: SelectionRule }).rule, texts: run.resultTexts } : undefined;
  return { accountId: row.id, accountName: row.accountName, tier: row.tier, ownerName: row.ownerName, group: row.grp, values: resultValues(run.kind, row, selection) as TAnalysisResult["values"] };
}
