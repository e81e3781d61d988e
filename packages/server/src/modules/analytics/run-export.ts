import { accounts, users, type Db } from "@openkam/db";
import { ruleConditions, type AnalysisKind, type SelectionRule } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import { BOM, csvCell, csvLine } from "../exports/exports.csv";
import type { RunRow } from "./analytics.repository";
import { runBlocks, storedAt } from "./result-blocks";
import { resultValues, type SelectionContext } from "./result-figures";

// A run's results as a CSV file: every result the reader may see, best-ranked first, with the figures of the run's
// kind as plain numbers (shares as fractions, money in the run's currency), for a spreadsheet. The column names are
// a contract documented in docs/analytics.md ("Exporting a run").

type Values = Record<string, unknown>;
type Cell = string | number | boolean | null;

interface Layout {
  /** The figure columns' names, after the common ones. */
  header: string[];
  cells: (values: Values) => Cell[];
}

/** The columns every export starts with; `group` is named by the kind (a selection's is whether it selected). */
const GROUP_COLUMN: Record<AnalysisKind, string | null> = { rfm: "segment", pareto: "class", matrix: "quadrant", selection: "selected", clv: null, forecast: null };

const GROWTH = [["yoyGrowth", "yoy_growth"], ["relativeSlope", "relative_slope"], ["walletHeadroom", "wallet_headroom"], ["pipelineRatio", "pipeline_ratio"], ["strategicImportance", "strategic_importance"]] as const;
const MONTHS = 24;

/** A number as a spreadsheet reads it: never in exponent form (1e-7), which a spreadsheet would take for text. */
export function plain(n: number): string {
  const text = String(n);
  return text.includes("e") ? n.toFixed(20).replace(/\.?0+$/, "") : text;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const pick = (values: Values, keys: readonly string[]) => keys.map((k) => num(values[k]));

const OP_TEXT: Record<string, string> = { gte: ">=", gt: ">", lte: "<=", lt: "<", eq: "=", neq: "<>", in: "in" };

function layoutOf(run: RunRow): Layout {
  switch (run.kind) {
    case "rfm": {
      const keys = ["recency", "frequency", "monetary", "r", "f", "m"];
      return { header: keys, cells: (v) => pick(v, keys) };
    }
    case "pareto": return { header: ["revenue", "share", "cumulative_share"], cells: (v) => pick(v, ["revenue", "share", "cumulativeShare"]) };
    case "matrix": {
      const growth = (v: unknown) => GROWTH.map(([key]) => num((v as Values | undefined)?.[key]));
      return {
        header: [
          "revenue", "revenue_previous_12m", "contribution", "growth",
          ...GROWTH.map(([, name]) => name), ...GROWTH.map(([, name]) => `${name}_score`),
          "open_pipeline", "pipeline_source",
          // Trailing months of 365.25/12 days, oldest first: month_0 ends on the analysis date.
          ...Array.from({ length: MONTHS }, (_, i) => `month_${MONTHS - 1 - i}`),
        ],
        cells: (v) => {
          const months = Array.isArray(v.monthlyRevenue) ? (v.monthlyRevenue as unknown[]) : [];
          return [
            ...pick(v, ["revenue", "revenuePrevious12m", "contribution", "growth"]), ...growth(v.components), ...growth(v.componentScores),
            num(v.openPipeline), typeof v.pipelineSource === "string" ? v.pipelineSource : null,
            ...Array.from({ length: MONTHS }, (_, i) => num(months[i])),
          ];
        },
      };
    }
    case "clv": {
      const keys = ["frequency", "recency", "T", "expectedPurchases", "pAlive", "expectedAverageSpend", "clv", "historicRevenue"];
      return { header: ["frequency", "recency", "T", "expected_purchases", "p_alive", "expected_average_spend", "clv", "historic_revenue"], cells: (v) => pick(v, keys) };
    }
    case "forecast": {
      // The forecast months are the run's (the total's); each account's are the same months.
      const months = ((run.summary as { total?: { forecast?: Array<{ month: string }> } } | null)?.total?.forecast ?? []).map((m) => m.month);
      return {
        header: ["mape", "forecast_total", ...months.map((m) => `forecast_${m}`)],
        cells: (v) => {
          const byMonth = new Map(((v.forecast as Array<{ month: string; revenue: number }> | undefined) ?? []).map((m) => [m.month, m.revenue]));
          const total = months.reduce((sum, m) => sum + (byMonth.get(m) ?? 0), 0);
          return [num(v.mape), months.length > 0 ? Math.round(total * 100) / 100 : null, ...months.map((m) => num(byMonth.get(m)))];
        },
      };
    }
    case "selection": {
      const conditions = ruleConditions((run.parameters as { rule: SelectionRule }).rule);
      return {
        header: conditions.flatMap(({ condition: c }, i) => {
          const value = Array.isArray(c.value) ? c.value.join("|") : String(c.value);
          return [`condition_${i + 1}_held (${c.field} ${OP_TEXT[c.op] ?? c.op} ${value})`, `condition_${i + 1}_value (${c.field})`];
        }),
        cells: (v) => ((v.conditions as Array<{ held: boolean; actual: number | string | null }> | undefined) ?? []).flatMap((c) => [c.held, c.actual]),
      };
    }
  }
}

interface AccountFacts {
  id: string;
  name: string;
  external_id: string | null;
  tier: string;
  owner: string | null;
}

/**
 * Every account the scope may see (soft-deleted ones left out, as on the run's pages), read once: a run's blocks
 * hold every account of its scope, so an account manager's export of a director's run would otherwise check the
 * visibility of each of them.
 */
async function visibleAccounts(db: Db, scope: Scope): Promise<Map<string, AccountFacts>> {
  const rows = await db.rows<AccountFacts>(sql`
    select ${accounts.id} as id, ${accounts.name} as name, ${accounts.externalId} as external_id, ${accounts.tier} as tier, u.name as owner
    from ${accounts} left join ${users} u on u.id = ${accounts.ownerUserId}
    where ${inOrg(scope, accounts.orgId)} and ${accounts.deletedAt} is null and ${visibleAccount(scope)}`);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The lines of a succeeded run's CSV: a header, then one line per visible result (of `group` only, when given), by
 * rank. The run's blocks are read a few at a time and each result made into its line at once; only the lines are
 * kept until all are sorted (about 110 to 320 bytes a result).
 */
export async function* runResultsCsv(db: Db, scope: Scope, run: RunRow, group?: string): AsyncGenerator<string> {
  const layout = layoutOf(run);
  const groupColumn = GROUP_COLUMN[run.kind];
  const common = ["rank", "account_id", "external_id", "account", "tier", "owner", ...(groupColumn ? [groupColumn] : []), "currency"];
  const selection: SelectionContext | undefined = run.kind === "selection" ? { rule: (run.parameters as { rule: SelectionRule }).rule, texts: run.resultTexts } : undefined;
  const lines: Array<{ rank: number; line: string }> = [];
  const facts = await visibleAccounts(db, scope);
  for await (const blocks of runBlocks(db, scope, run.id)) {
    for (const block of blocks) {
      block.accountIds.forEach((accountId, i) => {
        const account = facts.get(accountId);
        const grp = block.groups[i] ?? null;
        if (!account || (group !== undefined && grp !== group)) return;
        const values = resultValues(run.kind, storedAt(block, i), selection);
        const groupCell = run.kind === "selection" ? grp === "selected" : grp;
        const rank = block.ranks[i]!;
        const texts = [account.id, account.external_id, account.name, account.tier, account.owner, ...(groupColumn ? [groupCell] : []), run.currency];
        // Numbers need neither quotes nor neutralising (plain() never gives an exponent; a minus starts a number).
        const cells = layout.cells(values).map((c) => (typeof c === "number" ? plain(c) : csvCell(c)));
        lines.push({ rank, line: `${[String(rank), ...texts.map((c) => csvCell(c)), ...cells].join(",")}\r\n` });
      });
    }
  }
  lines.sort((a, b) => a.rank - b.rank);
  yield BOM + csvLine([...common, ...layout.header]);
  for (let i = 0; i < lines.length; i += LINES_PER_CHUNK) yield lines.slice(i, i + LINES_PER_CHUNK).map((l) => l.line).join("");
}

/** Lines sent in one write. */
const LINES_PER_CHUNK = 500;
