// Test-only access to the shared public data sets (../shared/datasets beside the repository).
// Domain code never reads files; only the *.test.ts files of this folder import this module.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { OrderEvent } from "../customer-orders";
import { parseDay } from "../dates";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");

/** Text of a file under ../shared/datasets, relative to the repository root. */
export function readDataset(relative: string): string {
  return readFileSync(path.resolve(repoRoot, "../shared/datasets", relative), "utf8");
}

/** The CDNOW 1/10 sample as orders: `sample_id` is the customer. */
export function cdnowSampleOrders(): OrderEvent[] {
  return readDataset("cdnow/CDNOW_sample.txt")
    .trim()
    .split("\n")
    .map((line) => {
      const [, sampleId, yyyymmdd, , dollars] = line.trim().split(/\s+/);
      return { customer: sampleId!, day: parseDay(yyyymmdd!)!, amount: Number(dollars) };
    });
}

/** The literature's CDNOW calibration summary: (x, t_x, T) in weeks, rounded to two decimals. */
export function cdnowSummary(): { customer: string; frequency: number; recency: number; T: number }[] {
  return readDataset("cdnow/cdnow_customers_summary.csv")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [id, frequency, recency, T] = line.split(",");
      return { customer: id!, frequency: Number(frequency), recency: Number(recency), T: Number(T) };
    });
}

/** Online Retail invoices with a customer id as orders (invoice day, net amount; cancellations are negative). */
export function onlineRetailOrders(): OrderEvent[] {
  const [header, ...lines] = readDataset("online-retail/online_retail_invoices.csv").trim().split("\n");
  const columns = header!.split(",");
  const [date, customer, amount] = ["InvoiceDate", "CustomerID", "Amount"].map((name) => columns.indexOf(name));
  return lines
    .map((line) => line.split(","))
    .filter((cells) => cells[customer!] !== "")
    .map((cells) => ({ customer: cells[customer!]!, day: parseDay(cells[date!]!)!, amount: Number(cells[amount!]) }));
}
