import { ACCOUNT_TIERS } from "../enums/index";
import { ABC_CLASSES } from "./pareto";
import { RFM_SEGMENTS } from "./rfm-segments";
import { MATRIX_QUADRANTS } from "./segmentation-matrix";

/** Facts a key-account selection rule can test. */
export const SELECTION_FIELDS = [
  "revenue12m",
  "revenueGrowthYoy",
  "customerYears",
  "orders12m",
  "daysSinceLastOrder",
  "quadrant",
  "rfmSegment",
  "abcClass",
  "tier",
  "industry",
  "region",
  "clv",
] as const;
export type SelectionField = (typeof SELECTION_FIELDS)[number];

export const SELECTION_OPS = ["gte", "gt", "lte", "lt", "eq", "neq", "in"] as const;
export type SelectionOp = (typeof SELECTION_OPS)[number];

/** Fields holding a number; the others hold text. */
export const NUMERIC_SELECTION_FIELDS = ["revenue12m", "revenueGrowthYoy", "customerYears", "orders12m", "daysSinceLastOrder", "clv"] as const satisfies readonly SelectionField[];

/** Text fields with a closed vocabulary: a value outside it can never hold, so it is refused up front. */
export const SELECTION_FIELD_VALUES: Partial<Record<SelectionField, readonly string[]>> = {
  quadrant: MATRIX_QUADRANTS,
  rfmSegment: RFM_SEGMENTS,
  abcClass: ABC_CLASSES,
  tier: ACCOUNT_TIERS,
};

export type SelectionValue = number | string | readonly string[];

export interface SelectionCondition {
  field: SelectionField;
  op: SelectionOp;
  value: SelectionValue;
}

/** A rule tree: every child holds, some child holds, the child does not hold, or one condition. */
export type SelectionRule = { all: SelectionRule[] } | { any: SelectionRule[] } | { not: SelectionRule } | SelectionCondition;

/** What is known of one account. An absent (undefined or null) fact makes every condition on it "not held". */
export type SelectionFacts = Partial<Record<SelectionField, number | string | null>>;

export interface ConditionTrace {
  /** Position in the rule tree: child indices from the root joined by dots ("0.1" = second child of the first child); "" for a rule that is a single condition. */
  path: string;
  field: SelectionField;
  op: SelectionOp;
  value: SelectionValue;
  /** The account's value, null when it has none. */
  actual: number | string | null;
  held: boolean;
}

export interface SelectionOutcome {
  passed: boolean;
  /** Every condition of the rule, in rule order, whether or not it decided the outcome. */
  conditions: ConditionTrace[];
}

/** A starting point people recognise, offered by the rule builder and evaluated for the demo: big accounts, or those the matrix calls strategic partners. */
export const EXAMPLE_SELECTION_RULE: SelectionRule = { any: [{ field: "revenue12m", op: "gte", value: 1_000_000 }, { field: "quadrant", op: "eq", value: "strategic_partner" }] };

export const MAX_RULE_DEPTH = 6;
export const MAX_RULE_CONDITIONS = 50;

const isNumericField = (field: SelectionField) => (NUMERIC_SELECTION_FIELDS as readonly string[]).includes(field);
const normalise = (text: string) => text.trim().toLowerCase();

export function isCondition(rule: SelectionRule): rule is SelectionCondition {
  return "field" in rule;
}

/**
 * Whether one condition holds for a value. Numbers compare numerically; text compares trimmed and
 * case-insensitively (`in` holds when the value equals any listed item). A missing value never holds,
 * not even for `neq`: a rule cannot select an account on what is not known about it.
 */
export function conditionHolds(condition: SelectionCondition, actual: number | string | null | undefined): boolean {
  if (actual === null || actual === undefined) return false;
  const { op, value } = condition;
  if (typeof actual === "number") {
    if (typeof value !== "number" || !Number.isFinite(actual)) return false;
    switch (op) {
      case "gte": return actual >= value;
      case "gt": return actual > value;
      case "lte": return actual <= value;
      case "lt": return actual < value;
      case "eq": return actual === value;
      case "neq": return actual !== value;
      case "in": return false;
    }
  }
  const text = normalise(actual);
  switch (op) {
    case "eq": return typeof value === "string" && text === normalise(value);
    case "neq": return typeof value === "string" && text !== normalise(value);
    case "in": return Array.isArray(value) && value.some((item: string) => normalise(item) === text);
    case "gte":
    case "gt":
    case "lte":
    case "lt":
      return false;
  }
}

/**
 * Evaluates a rule for one account, with the trace of every condition: which held, which did not,
 * and the account's value for each, so the result can be explained condition by condition.
 * `all` holds when every child holds, `any` when at least one does, `not` when its child does not;
 * every condition is evaluated (no short cut), so the trace is complete.
 */
export function evaluateRule(rule: SelectionRule, facts: SelectionFacts): SelectionOutcome {
  const outcome: ConditionOutcomes = { actual: [], held: [] };
  const passed = evaluateRuleInto(rule, facts, outcome);
  return { passed, conditions: traceConditions(ruleConditions(rule), outcome) };
}

/** Each condition's value for the account and whether it held, in the rule's order (that of ruleConditions). */
export interface ConditionOutcomes {
  actual: Array<number | string | null>;
  held: boolean[];
}

/**
 * evaluateRule without the trace objects: each condition's actual value and whether it held go into `into`, in the
 * rule's order. A selection evaluates every account of the organization and keeps only these; the trace is made
 * again from them and the rule (traceConditions) when a result is shown.
 */
export function evaluateRuleInto(rule: SelectionRule, facts: SelectionFacts, into: ConditionOutcomes): boolean {
  into.actual.length = 0;
  into.held.length = 0;
  return evaluateNode(rule, facts, into);
}

/** Whether a node of a rule holds, every condition under it evaluated (all of them: a sales director sees each). */
function evaluateNode(node: SelectionRule, facts: SelectionFacts, into: ConditionOutcomes): boolean {
  if ("all" in node) {
    let held = true;
    for (let i = 0; i < node.all.length; i++) held = evaluateNode(node.all[i]!, facts, into) && held;
    return held;
  }
  if ("any" in node) {
    let held = false;
    for (let i = 0; i < node.any.length; i++) held = evaluateNode(node.any[i]!, facts, into) || held;
    return held;
  }
  if ("not" in node) return !evaluateNode(node.not, facts, into);
  const actual = facts[node.field] ?? null;
  const held = conditionHolds(node, actual);
  into.actual.push(actual);
  into.held.push(held);
  return held;
}

/** The rule's conditions in rule order, each with its path (child indices from the root joined by dots). */
export function ruleConditions(rule: SelectionRule): Array<{ path: string; condition: SelectionCondition }> {
  const found: Array<{ path: string; condition: SelectionCondition }> = [];
  const visit = (node: SelectionRule, path: string) => {
    const prefix = path === "" ? "" : `${path}.`;
    if ("all" in node) node.all.forEach((child, i) => visit(child, prefix + i));
    else if ("any" in node) node.any.forEach((child, i) => visit(child, prefix + i));
    else if ("not" in node) visit(node.not, `${prefix}0`);
    else found.push({ path, condition: node });
  };
  visit(rule, "");
  return found;
}

/** The trace of every condition from the rule's conditions and an account's outcomes (evaluateRuleInto). */
export function traceConditions(conditions: ReturnType<typeof ruleConditions>, outcome: ConditionOutcomes): ConditionTrace[] {
  return conditions.map(({ path, condition }, i) => ({
    path, field: condition.field, op: condition.op, value: condition.value, actual: outcome.actual[i] ?? null, held: outcome.held[i] ?? false,
  }));
}

/** The fields a rule reads (so a caller loads only what is needed). */
export function fieldsOfRule(rule: SelectionRule): Set<SelectionField> {
  const fields = new Set<SelectionField>();
  const stack: SelectionRule[] = [rule];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ("all" in node) stack.push(...node.all);
    else if ("any" in node) stack.push(...node.any);
    else if ("not" in node) stack.push(node.not);
    else fields.add(node.field);
  }
  return fields;
}

export interface RuleIssue {
  /** Path of the offending key inside the rule, e.g. ["all", 0, "value"]. */
  path: Array<string | number>;
  message: string;
}

/**
 * Checks a rule's shape and meaning: each node is exactly one of all / any / not / condition, groups are
 * not empty, the tree is at most {@link MAX_RULE_DEPTH} deep with at most {@link MAX_RULE_CONDITIONS}
 * conditions, numeric fields take a number with gte/gt/lte/lt/eq/neq, text fields take text with eq/neq
 * or a list with in, and fields with a closed vocabulary only take its values. Walks without recursion
 * so hostile input cannot exhaust the stack.
 */
export function ruleIssues(rule: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  let conditionCount = 0;
  const stack: Array<{ node: unknown; path: Array<string | number>; depth: number }> = [{ node: rule, path: [], depth: 1 }];
  while (stack.length > 0 && issues.length < 20) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_RULE_DEPTH) {
      issues.push({ path, message: `Rules may nest at most ${MAX_RULE_DEPTH} levels` });
      continue;
    }
    if (node === null || typeof node !== "object" || Array.isArray(node)) {
      issues.push({ path, message: "Expected a group ({ all }, { any }, { not }) or a condition ({ field, op, value })" });
      continue;
    }
    const keys = Object.keys(node);
    const record = node as Record<string, unknown>;
    const group = (["all", "any", "not"] as const).filter((k) => k in record);
    if (group.length > 0) {
      if (keys.length !== 1) {
        issues.push({ path, message: "A group has exactly one key: all, any or not" });
        continue;
      }
      const key = group[0]!;
      if (key === "not") {
        stack.push({ node: record.not, path: [...path, "not"], depth: depth + 1 });
        continue;
      }
      const children = record[key];
      if (!Array.isArray(children) || children.length === 0) {
        issues.push({ path: [...path, key], message: `"${key}" needs a list of at least one rule` });
        continue;
      }
      // Pushed last to first so problems come out in rule order.
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], path: [...path, key, i], depth: depth + 1 });
      continue;
    }
    conditionCount++;
    issues.push(...conditionIssues(record, path));
  }
  if (conditionCount > MAX_RULE_CONDITIONS) issues.push({ path: [], message: `A rule may have at most ${MAX_RULE_CONDITIONS} conditions` });
  return issues;
}

function conditionIssues(record: Record<string, unknown>, path: Array<string | number>): RuleIssue[] {
  const extra = Object.keys(record).filter((k) => k !== "field" && k !== "op" && k !== "value");
  if (extra.length > 0) return [{ path: [...path, extra[0]!], message: "A condition has only field, op and value" }];
  const { field, op, value } = record;
  if (typeof field !== "string" || !(SELECTION_FIELDS as readonly string[]).includes(field)) {
    return [{ path: [...path, "field"], message: `Use one of: ${SELECTION_FIELDS.join(", ")}` }];
  }
  if (typeof op !== "string" || !(SELECTION_OPS as readonly string[]).includes(op)) {
    return [{ path: [...path, "op"], message: `Use one of: ${SELECTION_OPS.join(", ")}` }];
  }
  const name = field as SelectionField;
  if (isNumericField(name)) {
    if (op === "in") return [{ path: [...path, "op"], message: `${name} is a number: use gte, gt, lte, lt, eq or neq` }];
    if (typeof value !== "number" || !Number.isFinite(value)) return [{ path: [...path, "value"], message: `${name} is compared with a number` }];
    return [];
  }
  if (op !== "eq" && op !== "neq" && op !== "in") return [{ path: [...path, "op"], message: `${name} is text: use eq, neq or in` }];
  const items = op === "in" ? value : [value];
  if (op === "in" && (!Array.isArray(value) || value.length === 0 || value.length > 100)) {
    return [{ path: [...path, "value"], message: "in takes a list of 1 to 100 values" }];
  }
  if (!Array.isArray(items) || items.some((v) => typeof v !== "string" || v.length === 0 || v.length > 200 || v.includes("\u0000"))) {
    return [{ path: [...path, "value"], message: op === "in" ? "in takes a list of texts (1-200 characters)" : `${op} on ${name} takes a text (1-200 characters)` }];
  }
  const allowed = SELECTION_FIELD_VALUES[name];
  // Compared as the evaluation compares texts, trimmed and in any case: "A" and "a" are both the ABC class A.
  const unknown = allowed ? (items as string[]).find((v) => !allowed.some((a) => normalise(a) === normalise(v))) : undefined;
  if (unknown !== undefined) return [{ path: [...path, "value"], message: `"${unknown}" is not a ${name}; use one of: ${allowed!.join(", ")}` }];
  return [];
}
