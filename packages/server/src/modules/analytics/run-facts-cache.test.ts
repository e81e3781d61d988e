import { describe, expect, it } from "vitest";
import type { NewResult } from "./result-blocks";
import { RunFactsCache } from "./run-facts-cache";

const results = (n: number, values: Record<string, unknown> = {}): NewResult[] =>
  Array.from({ length: n }, (_, i) => ({ accountId: `account-${i}`, grp: i % 2 === 0 ? "A" : null, rank: i + 1, values }));

describe("RunFactsCache", () => {
  it("keeps the group of each result, or the CLV of a CLV run's results", () => {
    const cache = new RunFactsCache();
    cache.keep("org", "matrix-run", "matrix", results(2, { clv: 5 }));
    cache.keep("org", "clv-run", "clv", [...results(1, { clv: 12.5 }), { accountId: "x", grp: null, rank: 2, values: { clv: null } }]);
    expect(cache.get("org", "matrix-run")).toEqual(new Map([["account-0", "A"], ["account-1", null]]));
    expect(cache.get("org", "clv-run")).toEqual(new Map([["account-0", 12.5], ["x", null]]));
  });

  it("keeps nothing of kinds a selection does not read, nor another organization's run under the same id", () => {
    const cache = new RunFactsCache();
    cache.keep("org", "run", "forecast", results(3));
    cache.keep("org", "selection", "selection", results(3));
    cache.keep("other-org", "run", "rfm", results(3));
    expect([cache.get("org", "run"), cache.get("org", "selection")]).toEqual([undefined, undefined]);
    expect(cache.get("other-org", "run")).toHaveProperty("size", 3);
  });

  it("forgets the runs kept longest ago beyond its capacity, counting a run kept again once", () => {
    const cache = new RunFactsCache(10);
    cache.keep("org", "first", "rfm", results(4));
    cache.keep("org", "second", "rfm", results(4));
    cache.keep("org", "second", "rfm", results(4));
    expect(cache.get("org", "first")).toHaveProperty("size", 4);
    cache.keep("org", "third", "rfm", results(4));
    expect([cache.get("org", "first"), cache.get("org", "second")?.size, cache.get("org", "third")?.size]).toEqual([undefined, 4, 4]);
    cache.keep("org", "too-big", "rfm", results(11));
    expect(cache.get("org", "too-big")).toBeUndefined();
    expect(cache.get("org", "third")).toHaveProperty("size", 4);
  });
});
