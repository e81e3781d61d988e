import { describe, expect, it } from "vitest";
import { assignField, canRunImport, estimateRows, initialMapping, mappingGaps, mappingPayload, progressPercent, unmappedFields } from "./mapping-state";

const fields = ["external_id", "name", "industry", "tier"];

describe("column mapping", () => {
  it("starts from the server's guess, with unknown columns left out", () => {
    const mapping = initialMapping(["客户编号", "客户名称", "Notes"], { "客户编号": "external_id", "客户名称": "name" });
    expect(mapping).toEqual({ "客户编号": "external_id", "客户名称": "name", Notes: null });
    expect(unmappedFields(mapping, fields)).toEqual(["industry", "tier"]);
    expect(mappingPayload(mapping)).toEqual({ "客户编号": "external_id", "客户名称": "name" });
  });

  it("moves a field from one column to another rather than mapping it twice", () => {
    const mapping = initialMapping(["Code", "Company", "Sector"], { Code: "external_id", Company: "name" });
    const next = assignField(mapping, "Sector", "name");
    expect(next).toEqual({ Code: "external_id", Company: null, Sector: "name" });
    expect(unmappedFields(next, fields)).toEqual(["industry", "tier"]);
  });

  it("leaves a column out, or maps it again, without touching the others", () => {
    const mapping = initialMapping(["Code", "Company"], { Code: "external_id", Company: "name" });
    expect(assignField(mapping, "Code", null)).toEqual({ Code: null, Company: "name" });
    expect(assignField(mapping, "Code", "tier")).toEqual({ Code: "tier", Company: "name" });
    expect(mappingPayload(assignField(mapping, "Code", null))).toEqual({ Company: "name" });
  });
});

describe("required fields", () => {
  const required = ["external_id", "name"];

  it("lists the required fields no column feeds, apart from the optional ones, in the entity's order", () => {
    const mapping = initialMapping(["Company", "Sector", "Notes"], { Company: "name", Sector: "industry" });
    expect(mappingGaps(mapping, fields, required)).toEqual({ requiredMissing: ["external_id"], optionalMissing: ["tier"] });
    expect(canRunImport(mapping, required)).toBe(false);
  });

  it("allows running once every required field is mapped, and blocks it again when one is taken away", () => {
    const mapping = assignField(initialMapping(["Company", "Code"], { Company: "name" }), "Code", "external_id");
    expect(mappingGaps(mapping, fields, required).requiredMissing).toEqual([]);
    expect(canRunImport(mapping, required)).toBe(true);
    // Moving "name" to another column keeps it mapped; leaving its only column out does not.
    expect(canRunImport(assignField(mapping, "Code", "name"), required)).toBe(false);
    expect(mappingGaps(assignField(mapping, "Company", null), fields, required).requiredMissing).toEqual(["name"]);
  });

  it("never runs an empty mapping, even for an entity without required fields", () => {
    expect(canRunImport(initialMapping(["A", "B"], {}), [])).toBe(false);
    expect(canRunImport(initialMapping(["A"], { A: "tier" }), [])).toBe(true);
  });
});

describe("import progress", () => {
  it("estimates data rows from the file and never shows 100% before the end", () => {
    expect(estimateRows("a,b\r\n1,2\r\n3,4\r\n")).toBe(2);
    expect(estimateRows("a,b\n")).toBe(0);
    expect(estimateRows("")).toBe(0);
    expect(progressPercent(50, 200, false)).toBe(25);
    expect(progressPercent(250, 200, false)).toBe(99);
    expect(progressPercent(3, 200, true)).toBe(100);
    expect(progressPercent(3, null, false)).toBeNull();
  });
});
