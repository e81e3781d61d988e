import type {
  TAccountAnalytics, TAnalysisResultsQuery, TAnalysisRunDetail, TIdentification, TListAnalysisRunsQuery, TPromoteAccountsRequest, TPromoteAccountsResult, TRunComparison,
  ZCreateAnalysisRunRequest, ZCreateIdentificationRequest,
} from "@openkam/contracts";
import { newId, PG_ERRORS, type Db } from "@openkam/db";
import { DEFAULT_ABC_CUTOFFS, formatDay, parseDay, seesAllAccounts } from "@openkam/domain";
import type { z } from "zod";
import { AppError, forbidden, invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { databaseCause } from "../../http/problem";
import type { JobQueue } from "../../jobs/job-queue";
import type { Scope } from "../../tenancy/scope";
import { findAccount } from "../accounts/accounts.repository";
import { promoteAccounts as promoteAccountTiers } from "../accounts/accounts.service";
import { recordAudit } from "../audit/audit.repository";
import { assertCanRunAnalyses, runScopeOf } from "./analytics.policy";
import { presentResult, presentRun } from "./analytics.presenter";
import * as repo from "./analytics.repository";
import { resultValues } from "./result-figures";
import { runResultsCsv } from "./run-export";
import { ANALYSIS_JOB_KIND, IDENTIFICATION_JOB_KIND, type IdentificationJobPayload } from "./run-executor";

interface Options {
  db: Db;
  scope: Scope;
}

/** The request as validated by the route (defaults applied). */
export type CreateRunInput = z.output<typeof ZCreateAnalysisRunRequest>;

const MS_PER_DAY = 86_400_000;
const today = () => formatDay(Math.floor(Date.now() / MS_PER_DAY));

/** The parameters as stored: every default filled in, so a run says exactly what it computed. */
export function resolveParameters(request: CreateRunInput, asOf: string): Record<string, unknown> {
  switch (request.kind) {
    case "rfm":
      return { lookbackDays: request.parameters.lookbackDays ?? 365, scoring: request.parameters.scoring ?? { kind: "quintiles" } };
    case "pareto":
      return {
        lookbackDays: request.parameters.lookbackDays ?? 365,
        cutoffs: { a: request.parameters.cutoffs?.a ?? DEFAULT_ABC_CUTOFFS.a, b: request.parameters.cutoffs?.b ?? DEFAULT_ABC_CUTOFFS.b },
      };
    case "matrix":
      // Thresholds left out are the medians; the summary reports the values used.
      return { thresholds: { ...request.parameters.thresholds } };
    case "clv": {
      const calibrationEnd = request.parameters.calibrationEnd ?? asOf;
      if (calibrationEnd > asOf) throw invalid("body.parameters.calibrationEnd", "The calibration end may not be after the analysis date (asOf)");
      return {
        calibrationEnd,
        timeUnit: request.parameters.timeUnit ?? "week",
        horizon: request.parameters.horizon ?? 52,
        discountRate: request.parameters.discountRate ?? 0.01,
      };
    }
    case "forecast":
      return { horizon: request.parameters.horizon ?? 12, holdout: request.parameters.holdout ?? 6 };
    case "selection":
      return { rule: request.parameters.rule };
  }
}

/** The analysis date asked for, or today; never in the future. */
function analysisDate(asOf: string | undefined): string {
  const day = asOf ?? today();
  if (day > today()) throw invalid("body.asOf", "The analysis date cannot be in the future");
  if (parseDay(day)! < parseDay("1970-01-01")!) throw invalid("body.asOf", "The analysis date must be in 1970 or later");
  return day;
}

export async function createRun({ db, scope, jobs, input: request }: Options & { jobs: JobQueue; input: CreateRunInput }) {
  assertCanRunAnalyses(scope);
  const asOf = analysisDate(request.asOf);
  const parameters = resolveParameters(request, asOf);
  const id = newId();
  await db.transaction(async (tx) => {
    const currency = await repo.orgCurrency(tx, scope);
    const jobId = await jobs.enqueue(tx, scope.orgId, ANALYSIS_JOB_KIND, { runId: id });
    await repo.insertRun(tx, scope, { id, kind: request.kind, asOf, parameters, scope: runScopeOf(scope), currency, createdBy: scope.userId!, jobId });
  });
  return presentRun((await repo.findRun(db, scope, id))!);
}

/**
 * An identification: RFM, Pareto and matrix runs with their default parameters, then a selection by the rule given or
 * the organization's latest succeeded selection's (none without either), all as of one date, queued together for one
 * job that makes them in this order (run-executor.ts, executeIdentification). The selection reads its quadrant,
 * segment and class from these runs, not from whichever runs finished last.
 */
export async function createIdentification({ db, scope, jobs, input }: Options & { jobs: JobQueue; input: z.output<typeof ZCreateIdentificationRequest> }): Promise<TIdentification> {
  assertCanRunAnalyses(scope);
  const asOf = analysisDate(input.asOf);
  const rule = input.rule ?? (await repo.latestSelectionRule(db, scope));
  const requests: CreateRunInput[] = [
    { kind: "rfm", parameters: {} }, { kind: "pareto", parameters: {} }, { kind: "matrix", parameters: {} },
    ...(rule ? [{ kind: "selection" as const, parameters: { rule } }] : []),
  ];
  const runs = requests.map((request) => ({ id: newId(), kind: request.kind, parameters: resolveParameters(request, asOf) }));
  await db.transaction(async (tx) => {
    const currency = await repo.orgCurrency(tx, scope);
    const payload: IdentificationJobPayload = { runs: Object.fromEntries(runs.map((r) => [r.kind, r.id])) };
    const jobId = await jobs.enqueue(tx, scope.orgId, IDENTIFICATION_JOB_KIND, payload);
    for (const run of runs) await repo.insertRun(tx, scope, { ...run, asOf, scope: runScopeOf(scope), currency, createdBy: scope.userId!, jobId });
  });
  const stored = await Promise.all(runs.map((run) => repo.findRun(db, scope, run.id)));
  return { asOf, runs: stored.map((run) => presentRun(run!)) };
}

export async function listRuns({ db, scope, query }: Options & { query: TListAnalysisRunsQuery }) {
  const page = toPage(await repo.listRuns(db, scope, query), query.limit);
  return { items: page.items.map(presentRun), nextCursor: page.nextCursor };
}

async function loadRun(db: Db, scope: Scope, id: string) {
  const run = await repo.findRun(db, scope, id);
  if (!run) throw notFound("Analysis run");
  return run;
}

export async function getRun({ db, scope, id, query }: Options & { id: string; query: TAnalysisResultsQuery }): Promise<TAnalysisRunDetail> {
  const run = await loadRun(db, scope, id);
  // Results show once the run has succeeded: they are written before the summary that marks it so.
  if (run.status !== "succeeded") return { run: presentRun(run), results: { items: [], nextCursor: null } };
  const page = toPage(await repo.listResults(db, scope, id, query), query.limit);
  return { run: presentRun(run), results: { items: page.items.map((row) => presentResult(run, row)), nextCursor: page.nextCursor } };
}

/** A succeeded run's results as CSV lines (run-export.ts), and the file's name. */
export async function exportRun({ db, scope, id, group }: Options & { id: string; group?: string }): Promise<{ fileName: string; lines: AsyncGenerator<string> }> {
  const run = await loadRun(db, scope, id);
  if (run.status !== "succeeded") throw new AppError("UNPROCESSABLE", "Only a run that succeeded has results to export");
  const fileName = `openkam-${run.kind}-${run.asOf}-${run.id.slice(-8)}${group ? `-${group}` : ""}.csv`;
  return { fileName, lines: runResultsCsv(db, scope, run, group) };
}

const MAX_MOVED = 500;

export async function compareRuns({ db, scope, id, otherId }: Options & { id: string; otherId: string }): Promise<TRunComparison> {
  const from = await loadRun(db, scope, id);
  const to = await loadRun(db, scope, otherId);
  if (from.kind !== to.kind) throw invalid("params.otherId", `Only runs of the same kind compare: this is a ${from.kind} run, the other a ${to.kind} run`);
  if (from.status !== "succeeded" || to.status !== "succeeded") throw new AppError("UNPROCESSABLE", "Only runs that succeeded compare");
  const rows = await repo.groupsOfTwoRuns(db, scope, from.id, to.id);
  const transitions = new Map<string, { from: string | null; to: string | null; accounts: number }>();
  const moved: TRunComparison["moved"] = [];
  for (const row of rows) {
    const fromGroup = row.in_from ? row.from_grp : null;
    const toGroup = row.in_to ? row.to_grp : null;
    const key = JSON.stringify([fromGroup, toGroup, row.in_from, row.in_to]);
    const entry = transitions.get(key) ?? { from: fromGroup, to: toGroup, accounts: 0 };
    entry.accounts++;
    transitions.set(key, entry);
    const changed = fromGroup !== toGroup || row.in_from !== row.in_to;
    if (changed && moved.length < MAX_MOVED) moved.push({ accountId: row.account_id, accountName: row.account_name, from: fromGroup, to: toGroup });
  }
  return {
    from: presentRun(from),
    to: presentRun(to),
    transitions: [...transitions.values()].sort((a, b) => b.accounts - a.accounts || String(a.from).localeCompare(String(b.from)) || String(a.to).localeCompare(String(b.to))),
    moved,
  };
}

export async function promoteFromRun({ db, scope, id, input }: Options & { id: string; input: TPromoteAccountsRequest }): Promise<TPromoteAccountsResult> {
  assertCanRunAnalyses(scope);
  const run = await loadRun(db, scope, id);
  if (run.status !== "succeeded") throw new AppError("UNPROCESSABLE", "Accounts can be promoted from a succeeded run only");
  return promoteAccountTiers({ db, scope, ids: input.accountIds, tier: input.tier, reason: input.reason, runId: run.id });
}

const PROMOTED_FROM = "Accounts were promoted from this run: it stays, as the evidence in their tier history";

/**
 * Deletes a finished run and its results. Directors and admins delete any run, an account manager the runs they
 * made. A run still queued or running is left to finish first; a run accounts were promoted from is kept (the tier
 * history refers to it: the foreign key refuses the delete, so a promotion made meanwhile is safe too).
 */
export async function deleteRun({ db, scope, id }: Options & { id: string }): Promise<void> {
  assertCanRunAnalyses(scope);
  try {
    await db.transaction(async (tx) => {
      const run = await loadRun(tx, scope, id);
      if (!seesAllAccounts(scope.role) && run.createdBy !== scope.userId) throw forbidden("Account managers can delete only the runs they made");
      if (run.status === "queued" || run.status === "running") throw new AppError("CONFLICT", "The run has not finished yet: delete it once it has");
      if (!(await repo.deleteRun(tx, scope, id))) throw notFound("Analysis run");
      await recordAudit(tx, scope, { action: "delete", entityType: "analysis_run", entityId: id, before: presentRun(run) });
    });
  } catch (error) {
    if (databaseCause(error)?.code === PG_ERRORS.foreignKeyViolation) throw new AppError("CONFLICT", PROMOTED_FROM);
    throw error;
  }
}

/** The account's figures from the latest succeeded run of each kind that includes it. */
export async function accountAnalytics({ db, scope, accountId }: Options & { accountId: string }): Promise<TAccountAnalytics> {
  if (!(await findAccount(db, scope, accountId))) throw notFound("Account");
  const latest = new Map((await repo.latestResultsOfAccount(db, scope, accountId)).map((r) => [r.kind, r]));
  const ref = (r: { run_id: string; as_of: string }) => ({ runId: r.run_id, asOf: r.as_of });
  // Only the figures shown here are read.
  const withValues = (r: repo.AccountResultRow | undefined) => r && { ...r, values: resultValues(r.kind, r) };
  const clv = withValues(latest.get("clv"));
  const rfm = withValues(latest.get("rfm"));
  const matrix = latest.get("matrix");
  const pareto = latest.get("pareto");
  const n = (v: unknown) => v as number;
  return {
    clv: clv ? { ...ref(clv), clv: n(clv.values.clv), pAlive: n(clv.values.pAlive), expectedPurchases: n(clv.values.expectedPurchases), expectedAverageSpend: n(clv.values.expectedAverageSpend) } : null,
    rfm: rfm ? { ...ref(rfm), segment: rfm.grp as never, r: n(rfm.values.r), f: n(rfm.values.f), m: n(rfm.values.m) } : null,
    quadrant: matrix ? { ...ref(matrix), quadrant: matrix.grp as never } : null,
    abcClass: pareto ? { ...ref(pareto), abcClass: pareto.grp as never } : null,
  };
}
