import type {
  TClvParameters, TForecastParameters, TMatrixParameters, TParetoParameters, TRfmParameters, TSelectionParameters,
} from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { ClvModelError, parseDay } from "@openkam/domain";
import { systemScope } from "../../tenancy/scope";
import { accountsOfIdentification, computeMatrixRun, computeParetoRun, computeRfmRun, computeSelectionRun } from "./account-runs";
import * as repo from "./analytics.repository";
import { ownAccountsScope } from "./analytics.policy";
import { computeClvRun, computeForecastRun } from "./model-runs";
import { deleteRunResults, writeRunResults } from "./result-blocks";
import { runFacts } from "./run-facts-cache";
import { AnalysisDataError, emptyRunPhases, type IdentificationShare, type RunContext, type RunOutput, type RunPhases } from "./run-context";

export { emptyRunPhases, type RunPhases } from "./run-context";

export const ANALYSIS_JOB_KIND = "analysis";
export const IDENTIFICATION_JOB_KIND = "identification";

/** The kinds of an identification, in the order they are made: the selection reads the other three. */
export const IDENTIFICATION_KINDS = ["rfm", "pareto", "matrix", "selection"] as const;

/** The job of an identification: its runs by kind. */
export type IdentificationJobPayload = {
  runs: Partial<Record<(typeof IDENTIFICATION_KINDS)[number], string>>;
};

const MAX_ATTEMPTS = 5;

interface ExecuteOptions {
  attempt: number;
  heartbeat: () => Promise<void>;
  phases?: RunPhases;
}

/**
 * Runs (or resumes) a stored analysis: reads what its kind needs (the order book for the account-level kinds in
 * account-runs.ts, one grouped SQL read for CLV and the forecast in model-runs.ts), scores in the domain functions,
 * then writes the results and, last, the summary that marks it succeeded. A data problem fails the run with its
 * message; an unexpected error is retried by the job queue, and fails the run on the last attempt.
 */
export async function executeRun(db: Db, orgId: string, runId: string, options: ExecuteOptions & { identification?: IdentificationShare }): Promise<void> {
  const org = systemScope(orgId);
  const run = await repo.findRun(db, org, runId);
  if (!run || !(await repo.markRunning(db, org, runId))) return;
  try {
    const scope = run.scope === "own_accounts" ? ownAccountsScope(orgId, run.createdBy) : org;
    const phases = options.phases ?? emptyRunPhases();
    const ctx: RunContext = { db, scope, org, asOf: parseDay(run.asOf)!, currency: run.currency, heartbeat: options.heartbeat, phases, ...(options.identification ? { identification: options.identification } : {}) };
    const before = phases.orderBook + phases.aggregate + phases.excluded;
    let started = performance.now();
    const output = await compute(ctx, run);
    phases.score += (performance.now() - started) / 1000 - (phases.orderBook + phases.aggregate + phases.excluded - before);
    await options.heartbeat();
    started = performance.now();
    await writeRunResults(db, org, runId, output);
    await repo.finishRun(db, org, runId, { summary: output.summary, accountCount: output.accountIds.length, texts: output.texts ?? null });
    runFacts.keep(orgId, runId, run.kind, output);
    phases.write += (performance.now() - started) / 1000;
  } catch (error) {
    const expected = error instanceof AnalysisDataError || error instanceof ClvModelError;
    if (!expected && options.attempt < MAX_ATTEMPTS) throw error;
    const message = expected ? (error as Error).message : `The analysis stopped on an unexpected error: ${(error as Error).message}`;
    await deleteRunResults(db, org, runId);
    await repo.finishRun(db, org, runId, { error: message });
  }
}

/**
 * Makes (or resumes) the runs of an identification in turn, as executeRun makes each: a run already finished (the job
 * retried after a later one stopped) is left as it is. They share one read of the analysed accounts, and the selection
 * reads the quadrant, segment and class of the other three (it fails, with a message, when one of those it needs did
 * not succeed).
 */
export async function executeIdentification(db: Db, orgId: string, payload: IdentificationJobPayload, options: ExecuteOptions & { eachRun?: EachRun }): Promise<void> {
  const selection = payload.runs.selection ? await repo.findRun(db, systemScope(orgId), payload.runs.selection) : undefined;
  const rule = (selection?.parameters as TSelectionParameters | undefined)?.rule;
  const identification: IdentificationShare = { accounts: accountsOfIdentification(rule), runs: payload.runs };
  for (const kind of IDENTIFICATION_KINDS) {
    const runId = payload.runs[kind];
    if (runId === undefined) continue;
    const started = performance.now();
    const phases = options.eachRun?.phases(kind) ?? options.phases;
    await executeRun(db, orgId, runId, { ...options, ...(phases ? { phases } : {}), identification });
    options.eachRun?.done(kind, (performance.now() - started) / 1000);
  }
}

/** For the benchmarks: each run's phases, and its seconds once made. */
export interface EachRun {
  phases: (kind: (typeof IDENTIFICATION_KINDS)[number]) => RunPhases;
  done: (kind: (typeof IDENTIFICATION_KINDS)[number], seconds: number) => void;
}

function compute(ctx: RunContext, run: repo.RunRow): Promise<RunOutput> {
  switch (run.kind) {
    case "rfm": return computeRfmRun(ctx, run.parameters as TRfmParameters);
    case "pareto": return computeParetoRun(ctx, run.parameters as TParetoParameters);
    case "matrix": return computeMatrixRun(ctx, run.parameters as TMatrixParameters);
    case "clv": return computeClvRun(ctx, run.parameters as TClvParameters);
    case "forecast": return computeForecastRun(ctx, run.parameters as TForecastParameters);
    case "selection": return computeSelectionRun(ctx, run.parameters as TSelectionParameters);
  }
}
