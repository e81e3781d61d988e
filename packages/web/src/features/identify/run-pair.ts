import type { TAnalysisRun } from "@openkam/contracts";

const order = (r: TAnalysisRun) => `${r.asOf} ${r.createdAt}`;

/**
 * The pair to compare when the link names one run or none: the run analysed just before the "to" run
 * (by as-of date, then creation), or just after the "from" run; with neither, the two latest.
 */
export function defaultPair(runs: readonly TAnalysisRun[], from: string | null, to: string | null): { fromId: string | null; toId: string | null } {
  const sorted = [...runs].sort((a, b) => order(a).localeCompare(order(b)));
  if (from && to) return { fromId: from, toId: to };
  if (to) {
    const target = sorted.find((r) => r.id === to);
    const before = target ? sorted.filter((r) => order(r) < order(target)).pop() : undefined;
    return { fromId: (before ?? sorted.filter((r) => r.id !== to).pop())?.id ?? null, toId: to };
  }
  if (from) {
    const source = sorted.find((r) => r.id === from);
    const after = source ? sorted.find((r) => order(r) > order(source)) : undefined;
    return { fromId: from, toId: (after ?? sorted.filter((r) => r.id !== from).pop())?.id ?? null };
  }
  return { fromId: sorted[sorted.length - 2]?.id ?? null, toId: sorted[sorted.length - 1]?.id ?? null };
}
