import { describe, expect, it } from "vitest";
import { column, valuesAt } from "./columns";

describe("column", () => {
  it("holds valueAt(i) at i", () => {
    expect(Array.from(column(4, (i) => i * i - 1))).toEqual([-1, 0, 3, 8]);
    expect(column(0, () => 1)).toHaveLength(0);
  });
});

describe("valuesAt", () => {
  it("gives the value at each position, in the positions' order", () => {
    expect(valuesAt(["a", "b", "c"], Uint8Array.of(2, 0, 0, 1))).toEqual(["c", "a", "a", "b"]);
    expect(valuesAt(["a"], [])).toEqual([]);
  });
});
