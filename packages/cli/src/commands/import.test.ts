import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateCsvRows } from "../import-progress";
import { parseMapping } from "./import";

describe("parseMapping", () => {
  it("reads inline JSON", () => {
    expect(parseMapping('{"Customer": "name"}')).toEqual({ Customer: "name" });
  });

  it("reads a JSON file", () => {
    const dir = mkdtempSync(join(tmpdir(), "openkam-mapping-"));
    try {
      writeFileSync(join(dir, "m.json"), '{"客户编号": "external_id"}');
      expect(parseMapping(join(dir, "m.json"))).toEqual({ 客户编号: "external_id" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses what is not an object of strings", () => {
    expect(() => parseMapping('{"a": 1}')).toThrow(/must be an object/);
    expect(() => parseMapping("{oops")).toThrow(/not valid JSON/);
    expect(() => parseMapping("/no/such/mapping.json")).toThrow(/neither JSON nor a file/);
  });
});

describe("estimateCsvRows", () => {
  it("counts data lines, with or without a final newline", async () => {
    const dir = mkdtempSync(join(tmpdir(), "openkam-rows-"));
    try {
      writeFileSync(join(dir, "a.csv"), "h\n1\n2\n");
      writeFileSync(join(dir, "b.csv"), "h\n1\n2");
      writeFileSync(join(dir, "c.csv"), "h\n");
      expect(await estimateCsvRows(join(dir, "a.csv"))).toBe(2);
      expect(await estimateCsvRows(join(dir, "b.csv"))).toBe(2);
      expect(await estimateCsvRows(join(dir, "c.csv"))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
