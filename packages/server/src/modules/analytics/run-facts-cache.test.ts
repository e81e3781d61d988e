import { describe, expect, it } from "vitest";
import type { NewResults } from "./result-blocks";
import { factsOfAccounts, RunFactsCache } from "./run-facts-cache";

const results = (n: number, values: Record<string, unknown> = {}): NewResults => ({
  accountIds: Array.from({ length: n }, (_, i) => `account-${i}`),
  groups: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? "A" : null)),
  ranks: Int32Array.from({ length: n }, (_, i) => i + 1),
  values: Array.from({ length: n }, () => values),
});

describe("RunFactsCache", () => {
  it("keeps the group of each result, or the CLV of a CLV run's results", () => {
    const cache = new RunFactsCache();
    cache.keep("org", "matrix-run", "matrix", results(2, { clv: 5 }));
    const clv = results(2, { clv: 12.5 });
    cache.keep("org", "clv-run", "clv", { ...clv, accountIds: ["account-0", "x"], values: [{ clv: 12.5 }, { clv: null }] });
    expect(cache.get("org", "matrix-run")).toEqual({ ids: ["account-0", "account-1"], facts: ["A", null] });
    expect(cache.get("org", "clv-run")).toEqual({ ids: ["account-0", "x"], facts: [12.5, null] });
  });

  it("keeps nothing of kinds a selection does not read, nor another organization's run under the same id", () => {
    const cache = new RunFactsCache();
    cache.keep("org", "run", "forecast", results(3));
    cache.keep("org", "selection", "selection", results(3));
    cache.keep("other-org", "run", "rfm", results(3));
    expect([cache.get("org", "run"), cache.get("org", "selection")]).toEqual([undefined, undefined]);
    expect(cache.get("other-org", "run")?.ids).toHaveLength(3);
  });

  it("forgets the runs kept longest ago beyond its capacity, counting a run kept again once", () => {
    const cache = new RunFactsCache(10);
    cache.keep("org", "first", "rfm", results(4));
    cache.keep("org", "second", "rfm", results(4));
    cache.keep("org", "second", "rfm", results(4));
    expect(cache.get("org", "first")?.ids).toHaveLength(4);
    cache.keep("org", "third", "rfm", results(4));
    expect([cache.get("org", "first"), cache.get("org", "second")?.ids.length, cache.get("org", "third")?.ids.length]).toEqual([undefined, 4, 4]);
    cache.keep("org", "too-big", "rfm", results(11));
    expect(cache.get("org", "too-big")).toBeUndefined();
    expect(cache.get("org", "third")?.ids).toHaveLength(4);
  });
});

describe("factsOfAccounts", () => {
  const run = { ids: ["b", "d", "e", "g"], facts: ["B", 4, null, "G"] };

  it("gives each account its fact, null for one not in the run, with both lists in id order", () => {
    expect(factsOfAccounts(run, ["a", "b", "c", "d", "e", "f", "g", "h"])).toEqual([null, "B", null, 4, null, null, "G", null]);
    expect(factsOfAccounts(run, [])).toEqual([]);
    expect(factsOfAccounts({ ids: [], facts: [] }, ["a"])).toEqual([null]);
  });

  it("gives the same when either list is out of order", () => {
    expect(factsOfAccounts(run, ["g", "a", "b"])).toEqual(["G", null, "B"]);
    expect(factsOfAccounts({ ids: ["g", "b"], facts: ["G", "B"] }, ["a", "b", "g"])).toEqual([null, "B", "G"]);
  });
});
