import { divideCentsRounded, centsToMoney, moneyToCents } from "./money";
import { isOpenStage, OPPORTUNITY_STAGES, type OpportunityStage } from "./vocabulary";

export interface PipelineOpportunity {
  stage: OpportunityStage;
  /** Decimal string with at most two decimals. */
  value: string;
  currency: string;
  /** 0 to 100. */
  probability: number;
}

/** The value × probability of one opportunity, to the cent (half away from zero). */
export function weightedValue(value: string, probability: number): string {
  if (!Number.isInteger(probability) || probability < 0 || probability > 100) throw new RangeError("probability must be a whole percentage from 0 to 100");
  return centsToMoney(divideCentsRounded(moneyToCents(value) * BigInt(probability), 100n));
}

export interface CurrencyPipeline {
  currency: string;
  /** Open opportunities counted. */
  count: number;
  /** Sum of their values. */
  total: string;
  /** Sum of their weighted values (each rounded to the cent first, so the sum equals the rows shown). */
  weighted: string;
}

/**
 * The weighted pipeline: open opportunities only (won and lost ones are no longer pipeline), one
 * line per currency, sorted by currency. There are no exchange rates, so currencies are never mixed.
 */
export function weightedPipeline(opportunities: readonly PipelineOpportunity[]): CurrencyPipeline[] {
  const byCurrency = new Map<string, { count: number; total: bigint; weighted: bigint }>();
  for (const o of opportunities) {
    if (!isOpenStage(o.stage)) continue;
    const line = byCurrency.get(o.currency) ?? { count: 0, total: 0n, weighted: 0n };
    line.count += 1;
    line.total += moneyToCents(o.value);
    line.weighted += moneyToCents(weightedValue(o.value, o.probability));
    byCurrency.set(o.currency, line);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, line]) => ({ currency, count: line.count, total: centsToMoney(line.total), weighted: centsToMoney(line.weighted) }));
}

export interface StageTotal {
  stage: OpportunityStage;
  currency: string;
  count: number;
  total: string;
  weighted: string;
}

/** Totals per stage and currency, in stage order (the funnel), then by currency; stages without opportunities are left out. */
export function stageTotals(opportunities: readonly PipelineOpportunity[]): StageTotal[] {
  const lines: StageTotal[] = [];
  for (const stage of OPPORTUNITY_STAGES) {
    const inStage = opportunities.filter((o) => o.stage === stage);
    const currencies = [...new Set(inStage.map((o) => o.currency))].sort();
    for (const currency of currencies) {
      const these = inStage.filter((o) => o.currency === currency);
      lines.push({
        stage,
        currency,
        count: these.length,
        total: centsToMoney(these.reduce((s, o) => s + moneyToCents(o.value), 0n)),
        weighted: centsToMoney(these.reduce((s, o) => s + moneyToCents(weightedValue(o.value, o.probability)), 0n)),
      });
    }
  }
  return lines;
}

/** The weighted pipeline from stage totals (open stages only), one line per currency. */
export function pipelineFromStageTotals(totals: readonly StageTotal[]): CurrencyPipeline[] {
  const byCurrency = new Map<string, { count: number; total: bigint; weighted: bigint }>();
  for (const t of totals) {
    if (!isOpenStage(t.stage)) continue;
    const line = byCurrency.get(t.currency) ?? { count: 0, total: 0n, weighted: 0n };
    line.count += t.count;
    line.total += moneyToCents(t.total);
    line.weighted += moneyToCents(t.weighted);
    byCurrency.set(t.currency, line);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, line]) => ({ currency, count: line.count, total: centsToMoney(line.total), weighted: centsToMoney(line.weighted) }));
}
