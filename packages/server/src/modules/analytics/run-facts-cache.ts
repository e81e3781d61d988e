import { idsAscending } from "@openkam/domain";
import type { NewResults } from "./result-blocks";

export type Fact = string | number | null;

/** What a selection reads of another run's results: each account's group, or of a CLV run its CLV, side by side. */
export interface RunFacts {
  ids: readonly string[];
  facts: readonly Fact[];
}

/**
 * The facts of a run for a list of accounts, by the accounts' positions (null for an account not in the run). Both
 * lists usually come in id order (a run's results, an identification's accounts), and are then merged without a map.
 */
export function factsOfAccounts(run: RunFacts, accountIds: readonly string[]): Fact[] {
  const out = new Array<Fact>(accountIds.length).fill(null);
  const { ids, facts } = run;
  if (idsAscending(ids) && idsAscending(accountIds)) {
    for (let i = 0, k = 0; i < accountIds.length && k < ids.length; ) {
      if (ids[k]! < accountIds[i]!) k++;
      else if (ids[k] === accountIds[i]) out[i++] = facts[k++]!;
      else i++;
    }
    return out;
  }
  const byId = new Map(ids.map((id, k) => [id, facts[k]!]));
  accountIds.forEach((id, i) => (out[i] = byId.get(id) ?? null));
  return out;
}

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
  keep(orgId: string, runId: string, kind: string, results: NewResults): void {
    const ids = results.accountIds;
    if (!FACT_KINDS.has(kind) || ids.length > this.capacity) return;
    this.#forget(`${orgId}/${runId}`);
    const facts = kind === "clv" ? ids.map((_, i) => (typeof results.values?.[i]?.clv === "number" ? (results.values[i]!.clv as number) : null)) : results.groups;
    this.#runs.set(`${orgId}/${runId}`, { ids, facts });
    this.#size += ids.length;
    for (const [key, evicted] of this.#runs) {
      if (this.#size <= this.capacity) break;
      this.#runs.delete(key);
      this.#size -= evicted.ids.length;
    }
  }

  get(orgId: string, runId: string): RunFacts | undefined {
    return this.#runs.get(`${orgId}/${runId}`);
  }

  #forget(key: string): void {
    this.#size -= this.#runs.get(key)?.ids.length ?? 0;
    this.#runs.delete(key);
  }

  /** Forgets every run (tests, to read as another instance would). */
  clear(): void {
    this.#runs.clear();
    this.#size = 0;
  }
}

export const runFacts = new RunFactsCache();
