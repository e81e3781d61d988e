import type { TRule } from "@openkam/contracts";
import { ruleIssues } from "@openkam/domain/analytics/selection-rules";
import { describe, expect, it } from "vitest";
import {
  addChild, canNest, changeField, changeOp, countConditions, fromRule, initialTree, newCondition, newGroup, parseNumber, removeNode, toRule, updateNode, validateTree,
  type ConditionNode, type GroupNode,
} from "./rule-tree";

const condition = (patch: Partial<ConditionNode>): ConditionNode => ({ ...newCondition(), ...patch });

describe("rule tree editing", () => {
  it("builds “revenue ≥ 1,000,000 OR quadrant = strategic partner” as the API's rule", () => {
    const revenue = condition({ field: "revenue12m", op: "gte", value: "1,000,000" });
    const quadrant = condition({ field: "quadrant", op: "eq", value: "strategic_partner" });
    const root = newGroup("any", [revenue, quadrant]);
    expect(validateTree(root).size).toBe(0);
    expect(toRule(root)).toEqual({ any: [{ field: "revenue12m", op: "gte", value: 1_000_000 }, { field: "quadrant", op: "eq", value: "strategic_partner" }] });
    expect(ruleIssues(toRule(root))).toEqual([]);
  });

  it("sends growth typed in percent as the ratio the contract takes, and shows it back in percent", () => {
    const root = newGroup("all", [condition({ field: "revenueGrowthYoy", op: "gt", value: "25" })]);
    const rule = toRule(root);
    expect(rule).toEqual({ all: [{ field: "revenueGrowthYoy", op: "gt", value: 0.25 }] });
    const back = fromRule(rule).children[0] as ConditionNode;
    expect(back.value).toBe("25");
  });

  it("wraps negated groups and conditions in not, and reads a double negation back as one level", () => {
    const inner = { ...newGroup("all", [condition({ field: "tier", op: "eq", value: "standard" })]), negated: true };
    const root = newGroup("any", [inner, condition({ field: "region", op: "in", value: ["East", "North"], negated: true })]);
    const rule = toRule(root);
    expect(rule).toEqual({ any: [{ not: { all: [{ field: "tier", op: "eq", value: "standard" }] } }, { not: { field: "region", op: "in", value: ["East", "North"] } }] });
    const read = fromRule({ not: { not: { field: "clv", op: "gte", value: 10 } } });
    expect(read.children).toHaveLength(1);
    expect(read.children[0]).toMatchObject({ type: "condition", negated: false, field: "clv", value: "10" });
  });

  it("puts a rule that is a single condition or a negated group under a root group", () => {
    const single = fromRule({ field: "orders12m", op: "gte", value: 12 });
    expect(single).toMatchObject({ type: "group", mode: "all", negated: false, children: [{ type: "condition", field: "orders12m" }] });
    const negated = fromRule({ not: { any: [{ field: "tier", op: "eq", value: "key" }] } });
    expect(negated.negated).toBe(false);
    expect(negated.children[0]).toMatchObject({ type: "group", mode: "any", negated: true });
    expect(toRule(negated)).toEqual({ all: [{ not: { any: [{ field: "tier", op: "eq", value: "key" }] } }] });
  });

  it("round-trips any rule through the editor", () => {
    const rule: TRule = { all: [{ any: [{ field: "abcClass", op: "in", value: ["A", "B"] }, { not: { field: "industry", op: "eq", value: "Retail" } }] }, { field: "customerYears", op: "gte", value: 3 }] };
    expect(toRule(fromRule(rule))).toEqual(rule);
  });

  it("adds, updates and removes nodes without touching the rest of the tree", () => {
    const root = initialTree();
    const first = root.children[0]!;
    const group = newGroup("any", [newCondition("clv")]);
    const withGroup = addChild(root, root.id, group);
    expect(withGroup.children).toHaveLength(2);
    expect(withGroup.children[0]).toBe(first);
    const changed = updateNode(withGroup, first.id, (n) => ({ ...(n as ConditionNode), value: "5" }));
    expect((changed.children[0] as ConditionNode).value).toBe("5");
    expect(changed.children[1]).toBe(withGroup.children[1]);
    const removed = removeNode(changed, group.id);
    expect(removed.children).toHaveLength(1);
    expect(removeNode(removed, removed.id)).toBe(removed);
    expect(countConditions(withGroup)).toBe(2);
  });

  it("starts operator and value afresh on a new field, and turns values into lists for “is one of”", () => {
    const c = condition({ field: "revenue12m", op: "lt", value: "10" });
    expect(changeField(c, "quadrant")).toMatchObject({ field: "quadrant", op: "eq", value: "" });
    expect(changeField(c, "revenue12m")).toBe(c);
    const text = condition({ field: "region", op: "eq", value: " East " });
    const list = changeOp(text, "in");
    expect(list.value).toEqual(["East"]);
    expect(changeOp(list, "neq").value).toBe("East");
    expect(changeOp(condition({ field: "region", op: "eq", value: "" }), "in").value).toEqual([]);
  });
});

describe("rule validation", () => {
  it("flags empty groups, missing values and text in number fields by node", () => {
    const empty = newGroup("all");
    const missing = condition({ field: "revenue12m", op: "gte", value: " " });
    const text = condition({ field: "orders12m", op: "gte", value: "twelve" });
    const emptyList = condition({ field: "tier", op: "in", value: [] });
    const root = newGroup("all", [empty, missing, text, emptyList]);
    const errors = validateTree(root);
    expect(Object.fromEntries([empty, missing, text, emptyList].map((n) => [n.id, errors.get(n.id)]))).toEqual({
      [empty.id]: "emptyGroup", [missing.id]: "valueRequired", [text.id]: "notANumber", [emptyList.id]: "valueRequired",
    });
  });

  it("refuses nesting beyond the API's depth, counting a negation as a level", () => {
    // all › any › all › any › all: the conditions of the fifth group sit on level 6, the maximum.
    let inner: GroupNode = newGroup("all", [condition({ field: "clv", value: "1" })]);
    const groups = [inner];
    for (let i = 0; i < 4; i++) {
      inner = newGroup(i % 2 ? "all" : "any", [inner]);
      groups.push(inner);
    }
    expect(validateTree(inner).size).toBe(0);
    expect(canNest(inner, groups[0]!.id)).toBe(false);
    expect(canNest(inner, groups[1]!.id)).toBe(true);
    const negated = updateNode(inner, groups[0]!.id, (g) => ({ ...g, negated: true }));
    expect([...validateTree(negated).values()]).toEqual(["tooDeep"]);
    expect(ruleIssues(toRule(negated))).not.toEqual([]);
    expect(ruleIssues(toRule(inner))).toEqual([]);
  });

  it("refuses more than 50 conditions", () => {
    const root = newGroup("any", Array.from({ length: 51 }, () => condition({ field: "clv", value: "1" })));
    expect(validateTree(root).get(root.id)).toBe("tooMany");
  });
});

describe("parseNumber", () => {
  it("reads numbers as people type them and nothing else", () => {
    expect(parseNumber("1,000,000")).toBe(1_000_000);
    expect(parseNumber(" 2.5 ")).toBe(2.5);
    expect(parseNumber("-3")).toBe(-3);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("1e3")).toBe(1000);
    for (const bad of ["", "1e", "abc", "1.2.3", "Infinity", "NaN", "--1"]) expect(parseNumber(bad)).toBeNull();
  });
});
