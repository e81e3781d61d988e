import type { Db } from "@openkam/db";
import { type AnalysisKind, formatDay } from "@openkam/domain";
import { setImmediate as nextTick } from "node:timers/promises";
import type { Scope } from "../../tenancy/scope";
import * as repo from "./analytics.repository";
import type { NewResults } from "./result-blocks";

// What every kind of analysis run shares: its context, the phases it is timed in, and the rounding of its figures.

/** A problem with the data (not with the code): the run fails with this message, without retries. */
export class AnalysisDataError extends Error {}

export interface RunOutput extends NewResults {
  summary: Record<string, unknown>;
  /** The texts the run's figures refer to by number (a selection's), kept with the run. */
  texts?: readonly string[];
}

/** Seconds spent in each phase of a run, added up over the runs it is passed to (for the benchmarks). */
export interface RunPhases {
  /** Getting the organization's order book: a revision check when it is in memory, else reading the orders. */
  orderBook: number;
  /** Reading the analysed accounts and the pass over their orders (or, for CLV and the forecast, the grouped SQL read). */
  aggregate: number;
  /** Counting the orders the run leaves out. */
  excluded: number;
  /** Everything else before the write: the domain's scoring, and the small reads of pipeline and other runs. */
  score: number;
  /** Replacing the results and finishing the run. */
  write: number;
  /**
   * Accounts the pass over the order book went through: all of the run's, none when it reused the totals of the run
   * before, the changed ones when it brought those totals up to date.
   */
  passAccounts: number;
}

export const emptyRunPhases = (): RunPhases => ({ orderBook: 0, aggregate: 0, excluded: 0, score: 0, write: 0, passAccounts: 0 });

export interface RunContext {
  db: Db;
  /** The accounts the run covers. */
  scope: Scope;
  /** The organization (for reading other runs). */
  org: Scope;
  asOf: number;
  currency: string;
  heartbeat: () => Promise<void>;
  phases: RunPhases;
  /** When the run is part of an identification, what its runs share (run-executor.ts, executeIdentification). */
  identification?: IdentificationShare;
}

/** What the runs of one identification share. */
export interface IdentificationShare {
  /**
   * The analysed accounts, read once for all its runs (with every fact they need), so its runs see the same accounts:
   * the analysed-accounts read of repo, made on the first call and given to every later one.
   */
  accounts: typeof repo.analysedAccounts;
  /** Its runs by kind: its selection reads the quadrant, segment and class of these runs. */
  runs: Partial<Record<AnalysisKind, string>>;
}

export async function timed<T>(ctx: RunContext, phase: "orderBook" | "aggregate" | "excluded", fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    ctx.phases[phase] += (performance.now() - started) / 1000;
  }
}

// Analytics output is rounded for people: money to cents, ratios to 6 decimals. A figure that is not a
// finite number is a bug, and fails the run instead of storing NaN.
export function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new Error(`the ${what} is not a finite number`);
  return value;
}
export const money = (value: number, what = "amount") => Math.round(finite(value, what) * 100) / 100 + 0;
export const ratio = (value: number, what = "ratio") => Math.round(finite(value, what) * 1e6) / 1e6 + 0;
export const ratioOrNull = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? ratio(value) : null);

/** Gives the event loop a turn during long loops, so a big run does not stall the HTTP server. */
export async function breathe(i: number): Promise<void> {
  if (i > 0 && i % 200 === 0) await nextTick();
}

export const dayBefore = (ctx: RunContext, days: number) => formatDay(ctx.asOf - days);

export function excludedOrders(ctx: RunContext, from: string | null) {
  return timed(ctx, "excluded", () => repo.countExcludedOrders(ctx.db, ctx.scope, { asOf: formatDay(ctx.asOf), from, currency: ctx.currency }));
}
