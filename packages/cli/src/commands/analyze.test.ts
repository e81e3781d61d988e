import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type AnalyzeOptions, runAnalysis } from "./analyze";
import { csvCell } from "./analyze/write-output";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../../..");
const CLI = path.join(repoRoot, "packages/cli/bin/openkam.js");
const RETAIL = path.resolve(repoRoot, "../shared/datasets/online-retail/online_retail_invoices.csv");
const dir = mkdtempSync(path.join(tmpdir(), "openkam-analyze-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = path.join(dir, "orders.csv");
writeFileSync(
  SMALL,
  [
    "customer_id,order_date,amount",
    "a,2024-01-05,100",
    "a,2024-03-01,50.5",
    "b,2024-02-10,300",
    "c,2023-12-01,20",
    "c,2024-03-02,-5",
    ",2024-01-01,9",
    "d,not a date,5",
    "e,2024-04-01,70",
  ].join("\n"),
);

const defaults: AnalyzeOptions = { input: SMALL, customerCol: "customer_id", dateCol: "order_date", amountCol: "amount", format: "json", timeUnit: "week", horizon: "52", discountRate: "0" };

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, "analyze", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("runAnalysis on a hand-made file", () => {
  it("rfm: the documented JSON shape, future orders and credit notes handled", async () => {
    const out = path.join(dir, "rfm.json");
    const result = await runAnalysis("rfm", { ...defaults, asOf: "2024-03-31", out });
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(json)).toEqual(["asOf", "customers"]);
    expect(json.asOf).toBe("2024-03-31");
    expect(json.customers).toEqual([
      // The best value of each scores 5: a's recency and frequency, b's monetary.
      { customer: "a", recency: 30, frequency: 2, monetary: 150.5, r: 5, f: 5, m: 2, segment: "champions" },
      { customer: "b", recency: 50, frequency: 1, monetary: 300, r: 2, f: 1, m: 5, segment: "at_risk" },
      { customer: "c", recency: 121, frequency: 1, monetary: 15, r: 1, f: 1, m: 1, segment: "lost" },
    ]);
    expect(result.stats).toMatchObject({ rows: 8, used: 6, noCustomer: 1, invalid: 1, invalidLines: [8] });
    expect(result.notes).toEqual(["1 orders after 2024-03-31 left out"]);
  });
  it("pareto: the documented JSON shape", async () => {
    const out = path.join(dir, "pareto.json");
    await runAnalysis("pareto", { ...defaults, asOf: "2024-03-31", out });
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.summary).toEqual({ customers: 3, totalRevenue: 465.5, top20Share: 0.644468313641, gini: expect.any(Number), classCounts: { A: 2, B: 0, C: 1 } });
    expect(json.customers[0]).toEqual({ customer: "b", revenue: 300, share: 0.644468313641, cumulativeShare: 0.644468313641, class: "A" });
  });
  it("matrix and clv: CSV output with a header", async () => {
    const matrix = path.join(dir, "matrix.csv");
    await runAnalysis("matrix", { ...defaults, format: "csv", out: matrix });
    expect(readFileSync(matrix, "utf8").split("\n")[0]).toBe("customer,revenue,contribution,growth,yoyGrowth,relativeSlope,quadrant");
    const clv = path.join(dir, "clv.json");
    await runAnalysis("clv", { ...defaults, calibrationEnd: "2024-03-31", horizon: "4", out: clv });
    const json = JSON.parse(readFileSync(clv, "utf8"));
    expect(Object.keys(json.bgnbd)).toEqual(["r", "alpha", "a", "b", "logLikelihood"]);
    expect(Object.keys(json.gammaGamma)).toEqual(["p", "q", "gamma"]);
    expect(Object.keys(json.customers[0])).toEqual(["customer", "frequency", "recency", "T", "expectedPurchases", "pAlive", "expectedAverageSpend", "clv"]);
  });
  it("reads a spreadsheet's export: byte-order mark, CRLF, quoted fields, spaces and blank lines", async () => {
    const file = path.join(dir, "export.csv");
    writeFileSync(file, "\uFEFFamount, customer_id ,order_date\r\n 100 ,\"Acme, Ltd\",2024-03-01\r\n\r\n\"2,5\",b,2024-03-02\r\n40,\"Acme, Ltd\",20240310\r\n");
    const out = path.join(dir, "export.json");
    const result = await runAnalysis("rfm", { ...defaults, input: file, asOf: "2024-03-31", out });
    const customers = JSON.parse(readFileSync(out, "utf8")).customers as Array<{ customer: string; frequency: number; monetary: number }>;
    expect(customers.map((c) => [c.customer, c.frequency, c.monetary])).toEqual([["Acme, Ltd", 2, 140]]);
    // "2,5" is not a number with a dot; the blank line is not a row.
    expect(result.stats).toMatchObject({ rows: 3, used: 2, invalid: 1 });
  });

  it("names a missing column and a bad option", async () => {
    await expect(runAnalysis("rfm", { ...defaults, customerCol: "CustomerID" })).rejects.toThrow(/column "CustomerID" not found.*customer_id, order_date, amount/);
    await expect(runAnalysis("rfm", { ...defaults, asOf: "31/12/2024" })).rejects.toThrow(/--as-of must be a date/);
    await expect(runAnalysis("clv", { ...defaults, horizon: "0" })).rejects.toThrow(/--horizon/);
  });
});

describe("csvCell", () => {
  it("quotes and neutralises formulas", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
  });
});

describe("openkam analyze (spawned)", () => {
  it("runs rfm on a small file and pareto and clv on the Online Retail invoices", async () => {
    const columns = ["--customer-col", "CustomerID", "--date-col", "InvoiceDate", "--amount-col", "Amount"];
    const [small, pareto, clv] = await Promise.all([
      run(["rfm", "--input", SMALL, "--as-of", "2024-03-31", "--format", "csv"]),
      run(["pareto", "--input", RETAIL, ...columns, "--as-of", "2011-12-10"]),
      run(["clv", "--input", RETAIL, ...columns, "--calibration-end", "2011-09-30", "--horizon", "12"]),
    ]);
    expect(small.code).toBe(0);
    expect(small.stdout.trim().split("\n")).toEqual(["customer,recency,frequency,monetary,r,f,m,segment", "a,30,2,150.5,5,5,2,champions", "b,50,1,300,2,1,5,at_risk", "c,121,1,15,1,1,1,lost"]);
    expect(small.stderr).toContain("read 8 rows, used 6; skipped 1 without a customer, 1 with an unreadable date or amount (line 8)");

    expect(pareto.code).toBe(0);
    const paretoJson = JSON.parse(pareto.stdout);
    expect(paretoJson.summary.customers).toBe(4339);
    expect(paretoJson.summary.top20Share).toBeGreaterThan(0.7);
    expect(pareto.stderr).toContain("skipped 3710 without a customer");

    expect(clv.code).toBe(0);
    const clvJson = JSON.parse(clv.stdout);
    for (const value of [...Object.values(clvJson.bgnbd), ...Object.values(clvJson.gammaGamma)]) expect(Number.isFinite(value)).toBe(true);
    expect(clvJson.customers.every((c: { clv: number; pAlive: number }) => Number.isFinite(c.clv) && c.pAlive > 0 && c.pAlive <= 1)).toBe(true);
  }, 120_000);
});
