import type { NewResult } from "./result-blocks";

/** What a selection reads of another run's result, by account: its group, or of a CLV run its CLV. */
export type RunFacts = ReadonlyMap<string, string | number | null>;

/** The kinds whose results a selection reads. */
const FACT_KINDS: ReadonlySet<string> = new Set(["rfm", "pareto", "matrix", "clv"]);

/** Results kept in all, about 100 bytes each with the account id: the RFM, Pareto and matrix runs of an organization of 160,000 accounts. */
const DEFAULT_CAPACITY = 500_000;

/**
 * The groups (and CLVs) of the runs this process finished last. A run's results do not change once it has
 * succeeded, so a selection that follows them — the last run of an identification reads the RFM, Pareto and matrix
 * runs just made — takes them from here instead of unpacking every result of each run from the database; a run
 * another instance finished is read from the database. A purge leaves an entry of a purged account behind until
 * it is evicted, but a selection evaluates only the accounts that exist.
 */
export class RunFactsCache {
  readonly #runs = new Map<string, RunFacts>();
  #size = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** Keeps what a selection reads of a succeeded run's results (other kinds are not kept). */
  keep(orgId: string, runId: string, kind: string, results: readonly NewResult[]): void {
    if (!FACT_KINDS.has(kind) || results.length > this.capacity) return;
    this.#forget(`${orgId}/${runId}`);
    const facts = new Map<string, string | number | null>();
    if (kind === "clv") for (const r of results) facts.set(r.accountId, typeof r.values?.clv === "number" ? r.values.clv : null);
    else for (const r of results) facts.set(r.accountId, r.grp);
    this.#runs.set(`${orgId}/${runId}`, facts);
    this.#size += facts.size;
    for (const [key, evicted] of this.#runs) {
      if (this.#size <= this.capacity) break;
      this.#runs.delete(key);
      this.#size -= evicted.size;
    }
  }

  get(orgId: string, runId: string): RunFacts | undefined {
    return this.#runs.get(`${orgId}/${runId}`);
  }

  #forget(key: string): void {
    this.#size -= this.#runs.get(key)?.size ?? 0;
    this.#runs.delete(key);
  }

  /** Forgets every run (tests, to read as another instance would). */
  clear(): void {
    this.#runs.clear();
    this.#size = 0;
  }
}

export const runFacts = new RunFactsCache();
