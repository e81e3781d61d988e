import { describe, expect, it } from "vitest";
import { parseRow } from "./imports.rows";
import { guessMapping, planColumns } from "./imports.mapping";
import { detectDelimiter, detectFormat } from "./imports.reader";
import { orderAmount } from "./orders-import.repository";
import { rechunk } from "./imports.upload";

describe("row schemas", () => {
  it("accepts an order line and normalises its values", () => {
    const r = parseRow("orders", { external_id: " O1 ", account_external_id: "A1", order_date: "2024-02-29", currency: "cny", sku: "P1", quantity: "+2", unit_price: "9.5" });
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ external_id: "O1", currency: "CNY", quantity: "2", unit_price: "9.5" }) });
  });

  it("says what to write instead, one reason per field", () => {
    const r = parseRow("orders", { external_id: "O1", account_external_id: "", order_date: "2023-02-29", currency: "CNY", amount: "" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { field: "account_external_id", reason: "account_external_id: required" },
      { field: "order_date", reason: "order_date: use YYYY-MM-DD" },
      { field: "amount", reason: "amount: required when the row has no sku (an order without lines)" },
    ]);
  });

  it("checks the boundaries of small integers and enums loosely", () => {
    expect(parseRow("contacts", { external_id: "C", account_external_id: "A", name: "N", influence: "5", attitude: "-2", buying_role: "Decision Maker" }).ok).toBe(true);
    const bad = parseRow("contacts", { external_id: "C", account_external_id: "A", name: "N", influence: "6", attitude: "-3", buying_role: "boss" });
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(["buying_role", "influence", "attitude"]);
  });

  it("reads interactions' times as UTC unless they carry an offset, and lists separated by semicolons", () => {
    const r = parseRow("interactions", { external_id: "I", account_external_id: "A", type: "Executive meeting", occurred_at: "2024-03-01 09:30", subject: "S", contact_external_ids: "K1; K2;", user_emails: "A@X.COM" });
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ type: "executive_meeting", occurred_at: "2024-03-01T09:30:00.000Z", contact_external_ids: ["K1", "K2"], user_emails: ["a@x.com"] }) });
    expect(parseRow("interactions", { external_id: "I", account_external_id: "A", type: "call", occurred_at: "2024-03-01T09:30:00+08:00", subject: "S" }))
      .toEqual({ ok: true, value: expect.objectContaining({ occurred_at: "2024-03-01T01:30:00.000Z" }) });
  });

  it("refuses an account that is its own parent, and custom fields that are not a JSON object", () => {
    const r = parseRow("accounts", { external_id: "A", name: "N", currency: "CNY", parent_external_id: "A", custom_fields: "[1]" });
    // Both problems are reported, so one round of fixes is enough.
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(["custom_fields", "parent_external_id"]);
    const s = parseRow("accounts", { external_id: "A", name: "N", currency: "CNY", parent_external_id: "A" });
    expect(s.ok ? [] : s.problems.map((p) => p.reason)).toEqual(["parent_external_id: an account cannot be its own parent"]);
  });
});

describe("order amounts", () => {
  it("sums the lines, or takes the amount of an order without lines", () => {
    const head = { external_id: "O", account_external_id: "A", order_date: "2024-01-01", currency: "CNY" };
    expect(orderAmount([{ ...head, sku: null, amount: "12.3" }] as never, [])).toBe("12.30");
    expect(orderAmount([{ ...head, sku: "P" }, { ...head, sku: "Q" }] as never, ["0.10", "0.20"])).toBe("0.30");
  });
});

describe("column mapping", () => {
  it("maps field names, English and Chinese headers", () => {
    expect(guessMapping(["Account Name", "行业", "Region", "unknown"], "accounts")).toEqual({ "Account Name": "name", 行业: "industry", Region: "region" });
    expect(guessMapping(["订单编号", "客户编号", "订单日期", "币种", "数量", "单价", "SKU"], "orders"))
      .toMatchObject({ 客户编号: "account_external_id", 订单日期: "order_date", 币种: "currency", 数量: "quantity", 单价: "unit_price", SKU: "sku" });
    expect(guessMapping(["name", "客户名称"], "accounts")).toEqual({ name: "name" });
  });

  it("refuses a mapping to an unknown field or of a missing column", () => {
    expect(() => planColumns(["a"], "accounts", { a: "planet" })).toThrow(/not a field of accounts/);
    expect(() => planColumns(["a"], "accounts", { b: "name" })).toThrow(/does not have/);
    expect(() => planColumns(["a", "b"], "accounts", { a: "name", b: "name" })).toThrow(/Two columns/);
  });
});

describe("file reading", () => {
  it("detects the delimiter from the header line", () => {
    expect(detectDelimiter("\uFEFFa;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter("name\n")).toBe(",");
  });

  it("tells CSV and XLSX from other files by name, type and first bytes", () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]);
    expect(detectFormat("a.xlsx", "", zip)).toBe("xlsx");
    expect(detectFormat("a.xlsx", "", Buffer.from("a,b"))).toBeNull();
    expect(detectFormat("a.csv", "text/csv", Buffer.from("a,b"))).toBe("csv");
    expect(detectFormat("a.csv", "text/csv", zip)).toBeNull();
    expect(detectFormat("a.pdf", "application/pdf", Buffer.from("%PDF"))).toBeNull();
  });

  it("re-chunks a stream into fixed-size chunks", async () => {
    const out: number[] = [];
    for await (const c of rechunk((async function* () { yield Buffer.alloc(5); yield Buffer.alloc(7); yield "abc"; })(), 4)) out.push(c.length);
    expect(out).toEqual([4, 4, 4, 3]);
  });
});
