import { parseDay, TIME_UNITS, type TimeUnit } from "@openkam/domain";
import { Argument, Command, Option } from "commander";
import { resolve } from "node:path";
import { CliError } from "../cli-error";
import { examples } from "../options";
import { analyseClv, analyseMatrix, analysePareto, analyseRfm, type AnalysisInput, type AnalysisRun } from "./analyze/analyses";
import { type OutputFormat, writeOutput } from "./analyze/write-output";

export const ANALYSES = ["rfm", "pareto", "matrix", "clv"] as const;
export type Analysis = (typeof ANALYSES)[number];

export interface AnalyzeOptions {
  input: string;
  customerCol: string;
  dateCol: string;
  amountCol: string;
  asOf?: string;
  lookbackDays?: string;
  format: OutputFormat;
  out?: string;
  calibrationEnd?: string;
  timeUnit: TimeUnit;
  horizon: string;
  discountRate: string;
}

function dayOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const day = parseDay(value);
  if (day === undefined) throw new CliError(`${flag} must be a date like 2024-12-31, got "${value}"`);
  return day;
}

function numberOption(value: string, flag: string, check: (n: number) => boolean, expected: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || !check(n)) throw new CliError(`${flag} must be ${expected}, got "${value}"`);
  return n;
}

/** Runs one analysis on a CSV file and writes its result; returns the run for its counts. */
export async function runAnalysis(kind: Analysis, options: AnalyzeOptions): Promise<AnalysisRun> {
  const input: AnalysisInput = {
    file: resolve(options.input),
    columns: { customer: options.customerCol, date: options.dateCol, amount: options.amountCol },
    asOf: dayOption(options.asOf, "--as-of"),
    lookbackDays: options.lookbackDays === undefined ? undefined : numberOption(options.lookbackDays, "--lookback-days", (n) => Number.isInteger(n) && n > 0, "a positive whole number of days"),
  };
  let run: AnalysisRun;
  switch (kind) {
    case "rfm":
      run = await analyseRfm(input);
      break;
    case "pareto":
      run = await analysePareto(input);
      break;
    case "matrix":
      run = await analyseMatrix(input);
      break;
    case "clv":
      run = await analyseClv(input, {
        calibrationEnd: dayOption(options.calibrationEnd, "--calibration-end") ?? input.asOf,
        timeUnit: options.timeUnit,
        horizon: numberOption(options.horizon, "--horizon", (n) => Number.isInteger(n) && n > 0, "a positive whole number of time units"),
        discountRate: numberOption(options.discountRate, "--discount-rate", (n) => n > -1, "a rate above -1 per time unit, like 0.01"),
      });
      break;
  }
  await writeOutput(run.output, options.format, options.out);
  return run;
}

async function action(kind: Analysis, options: AnalyzeOptions): Promise<void> {
  const run = await runAnalysis(kind, options);
  const { stats } = run;
  const skipped = [
    ...(stats.noCustomer > 0 ? [`${stats.noCustomer} without a customer`] : []),
    ...(stats.invalid > 0 ? [`${stats.invalid} with an unreadable date or amount (line${stats.invalid > 1 ? "s" : ""} ${stats.invalidLines.join(", ")}${stats.invalid > stats.invalidLines.length ? ", …" : ""})`] : []),
  ];
  console.error(`read ${stats.rows} rows, used ${stats.used}${skipped.length > 0 ? `; skipped ${skipped.join(", ")}` : ""}`);
  for (const note of run.notes) console.error(note);
  if (options.out !== undefined) console.error(`wrote ${kind} to ${options.out}`);
}

export function analyzeCommand(): Command {
  return new Command("analyze")
    .description("identify key accounts from a CSV of orders (one row per order), with no server or database")
    .addArgument(new Argument("<analysis>", "rfm, pareto, matrix (contribution × growth) or clv (BG/NBD + Gamma-Gamma)").choices(ANALYSES))
    .requiredOption("--input <file>", "CSV with a header row")
    .option("--customer-col <name>", "customer id column", "customer_id")
    .option("--date-col <name>", "order date column (YYYY-MM-DD, a time after it is ignored)", "order_date")
    .option("--amount-col <name>", "order amount column (negative = credit note)", "amount")
    .option("--as-of <date>", "analysis date; default: the latest order date in the file")
    .option("--lookback-days <n>", "rfm, pareto: only orders in the n days ending on --as-of")
    .addOption(new Option("--format <format>", "output format").choices(["csv", "json"]).default("json"))
    .option("--out <file>", "write to this file instead of standard output")
    .option("--calibration-end <date>", "clv: last day of the calibration period (default --as-of)")
    .addOption(new Option("--time-unit <unit>", "clv: time unit of recency, T and the horizon").choices(TIME_UNITS).default("week"))
    .option("--horizon <n>", "clv: time units to predict", "52")
    .option("--discount-rate <r>", "clv: discount rate per time unit", "0")
    .addHelpText(
      "after",
      examples(
        "openkam analyze rfm --input orders.csv --as-of 2024-12-31 --format csv --out rfm.csv",
        "openkam analyze pareto --input invoices.csv --customer-col CustomerID --date-col InvoiceDate --amount-col Amount",
        "openkam analyze clv --input orders.csv --calibration-end 2024-06-30 --time-unit week --horizon 26 --discount-rate 0.002",
      ),
    )
    .action(action);
}
