import { describe, expect, it } from "vitest";
import { normalQuantile, Random } from "./random";

describe("Random", () => {
  it("repeats the same sequence for the same seed and stream", () => {
    const a = new Random(7).fork("orders/1");
    const b = new Random(7).fork("orders/1");
    expect(Array.from({ length: 50 }, () => a.uint32())).toEqual(Array.from({ length: 50 }, () => b.uint32()));
  });

  it("gives different sequences for different seeds and different streams", () => {
    const first = (r: Random) => Array.from({ length: 5 }, () => r.uint32());
    expect(first(new Random(7))).not.toEqual(first(new Random(8)));
    expect(first(new Random(7).fork("a"))).not.toEqual(first(new Random(7).fork("b")));
  });

  it("draws integers inside the bounds, both ends included", () => {
    const rng = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("makes UUIDs with the version-4 layout", () => {
    const rng = new Random(99);
    const ids = Array.from({ length: 1_000 }, () => rng.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("samples distinct items", () => {
    const picked = new Random(5).sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
  });
});

describe("normalQuantile", () => {
  it("inverts the standard normal distribution", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 4);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 4);
  });
});
