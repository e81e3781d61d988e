/**
 * The reference the identification goals are measured against: RFM written as one hand-tuned DuckDB
 * query. Same rules as the server's RFM run: orders up to the analysis date (and in the look-back
 * window when given), credit notes netted into monetary but never counted as orders, customers with
 * at least one order, quintile scores (recency: a later last order scores higher).
 */
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** DuckDB's CSV reader over the synthetic orders' columns, typed up front (no sniffing). */
export const readCsvSource = (path: string) =>
  `read_csv(${quote(path)}, header = true, columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DECIMAL(18,2)'})`;

export function duckdbRfmSql({ source, asOf, lookbackDays }: { source: string; asOf: string; lookbackDays?: number }): string {
  const window = lookbackDays !== undefined ? ` and order_date >= date ${quote(asOf)} - ${lookbackDays - 1}` : "";
  return `with c as (
    select customer_id,
      max(order_date) filter (where amount >= 0) as last_order,
      count(*) filter (where amount >= 0) as frequency,
      sum(amount) as monetary
    from ${source}
    where order_date <= date ${quote(asOf)}${window}
    group by customer_id)
  select customer_id, date ${quote(asOf)} - last_order as recency, frequency, monetary,
    ntile(5) over (order by last_order) as r, ntile(5) over (order by frequency) as f, ntile(5) over (order by monetary) as m
  from c where frequency > 0`;
}

/** The part of @duckdb/node-api the benchmarks use. */
export interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ currentRowCount: number }>;
  closeSync(): void;
}
export interface DuckModule {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckConnection>; closeSync(): void }> };
}

/** Installed on demand, not a dependency: its prebuilt binaries are not published for every platform the lockfile must cover. */
export const DUCKDB_PACKAGE = "@duckdb/node-api";
export const DUCKDB_MISSING = `DuckDB comparison skipped: install it for a run with \`npm install --no-save ${DUCKDB_PACKAGE}\``;

/** DuckDB, or null when it is not installed. */
export async function loadDuckDb(): Promise<DuckModule | null> {
  try {
    return (await import(DUCKDB_PACKAGE)) as DuckModule;
  } catch {
    return null;
  }
}
