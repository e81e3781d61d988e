import { describe, expect, it } from "vitest";
import { column, namesOf } from "./columns";

describe("column", () => {
  it("holds valueAt(i) at i", () => {
    expect(Array.from(column(4, (i) => i * i - 1))).toEqual([-1, 0, 3, 8]);
    expect(column(0, () => 1)).toHaveLength(0);
  });
});

describe("namesOf", () => {
  it("gives each code its name, in the codes' order", () => {
    expect(namesOf(Uint8Array.of(2, 0, 0, 1), ["a", "b", "c"])).toEqual(["c", "a", "a", "b"]);
    expect(namesOf([], ["a"])).toEqual([]);
  });
});
