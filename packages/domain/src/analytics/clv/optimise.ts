// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- fmin ships no types; this makes every tsconfig that compiles this file (the web one too) see the declarations
/// <reference path="./fmin.d.ts" />
// fmin is pinned to 0.0.2: 0.0.4 marks its UMD bundle "type": "module" (so it exports nothing to
// Node's ES module loader) and its simplex shrink step assigns an undeclared variable, which throws
// in strict mode. docs/analytics.md has the evaluation of the optimiser libraries.
import fmin from "fmin";

export interface MinimiseResult {
  /** The minimising point. */
  x: number[];
  /** The objective at `x`. */
  fx: number;
  /** Nelder-Mead runs made (the search restarts from its result until the objective stops improving). */
  runs: number;
}

/**
 * Minimises `f` from `x0` with the Nelder-Mead simplex method (fmin), restarting from the best point
 * found while a restart still improves the objective by more than `tolerance`: a single simplex can
 * collapse early on long, narrow valleys such as the BG/NBD likelihood's. Non-finite values of `f`
 * are treated as +∞, so the search steps away from them.
 */
export function minimise(f: (x: readonly number[]) => number, x0: readonly number[], options: { tolerance?: number; maxRuns?: number; maxIterations?: number } = {}): MinimiseResult {
  const tolerance = options.tolerance ?? 1e-9;
  const maxRuns = options.maxRuns ?? 8;
  const safe = (x: number[]) => {
    const value = f(x);
    return Number.isFinite(value) ? value : Number.MAX_VALUE;
  };
  let best = { x: [...x0], fx: safe([...x0]) };
  let runs = 0;
  while (runs < maxRuns) {
    runs++;
    const result = fmin.nelderMead(safe, [...best.x], { maxIterations: options.maxIterations ?? 400 * x0.length, minErrorDelta: tolerance, nonZeroDelta: 1.2, zeroDelta: 0.1 });
    const improved = best.fx - result.fx;
    if (result.fx < best.fx) best = { x: [...result.x], fx: result.fx };
    if (!(improved > tolerance)) break;
  }
  return { ...best, runs };
}
