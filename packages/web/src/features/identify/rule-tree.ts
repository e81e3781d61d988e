import type { TRule, TRuleCondition } from "@openkam/contracts";
import { MAX_RULE_CONDITIONS, MAX_RULE_DEPTH, NUMERIC_SELECTION_FIELDS, SELECTION_FIELD_VALUES, SELECTION_FIELDS } from "@openkam/domain/analytics/selection-rules";

export type RuleField = TRuleCondition["field"];
export type RuleOp = TRuleCondition["op"];

export const RULE_FIELDS: readonly RuleField[] = SELECTION_FIELDS;

/** How a field is edited: a number, a pick from a closed vocabulary (quadrant, segment, class, tier) or free text (industry, region). */
export function fieldKind(field: RuleField): "number" | "choice" | "text" {
  if ((NUMERIC_SELECTION_FIELDS as readonly string[]).includes(field)) return "number";
  return SELECTION_FIELD_VALUES[field] ? "choice" : "text";
}

export function choicesOf(field: RuleField): readonly string[] {
  return SELECTION_FIELD_VALUES[field] ?? [];
}

/**
 * Fields typed in another unit than the API's: growth is typed in percent (25 = +25%) and sent as a
 * ratio (0.25), the way the contract defines it.
 */
const FIELD_SCALE: Partial<Record<RuleField, number>> = { revenueGrowthYoy: 100 };

/** An API value of a numeric field in the unit people type. */
export function displayNumber(field: RuleField, value: number): number {
  const scale = FIELD_SCALE[field] ?? 1;
  return Math.round(value * scale * 1e9) / 1e9;
}

const NUMBER_OPS = ["gte", "gt", "lte", "lt", "eq", "neq"] as const satisfies readonly RuleOp[];
const SET_OPS = ["eq", "neq", "in"] as const satisfies readonly RuleOp[];

export function opsFor(field: RuleField): readonly RuleOp[] {
  return fieldKind(field) === "number" ? NUMBER_OPS : SET_OPS;
}

/** A condition as edited: the value as typed (text), or a list for `in`. */
export interface ConditionNode {
  id: string;
  type: "condition";
  negated: boolean;
  field: RuleField;
  op: RuleOp;
  value: string | string[];
}

/** `all` (every condition holds) or `any` (at least one); `negated` wraps it in `not`. */
export interface GroupNode {
  id: string;
  type: "group";
  negated: boolean;
  mode: "all" | "any";
  children: RuleNode[];
}

export type RuleNode = ConditionNode | GroupNode;

let sequence = 0;
const nextId = () => `node-${++sequence}`;

export function newCondition(field: RuleField = "revenue12m"): ConditionNode {
  const op = opsFor(field)[0]!;
  return { id: nextId(), type: "condition", negated: false, field, op, value: "" };
}

export function newGroup(mode: GroupNode["mode"] = "all", children: RuleNode[] = []): GroupNode {
  return { id: nextId(), type: "group", negated: false, mode, children };
}

/** The starting rule: one empty condition in an `all` group. */
export function initialTree(): GroupNode {
  return newGroup("all", [newCondition()]);
}

function mapTree(node: RuleNode, id: string, change: (node: RuleNode) => RuleNode | null): RuleNode | null {
  if (node.id === id) return change(node);
  if (node.type === "condition") return node;
  let changed = false;
  const children: RuleNode[] = [];
  for (const child of node.children) {
    const next = mapTree(child, id, change);
    if (next !== child) changed = true;
    if (next) children.push(next);
  }
  return changed ? { ...node, children } : node;
}

/** Replaces the node `id` by `change(node)`; the rest of the tree is shared, not copied. */
export function updateNode(root: GroupNode, id: string, change: (node: RuleNode) => RuleNode): GroupNode {
  return mapTree(root, id, change) as GroupNode;
}

/** Removes a node and everything under it; the root group stays. */
export function removeNode(root: GroupNode, id: string): GroupNode {
  if (root.id === id) return root;
  return mapTree(root, id, () => null) as GroupNode;
}

export function addChild(root: GroupNode, groupId: string, child: RuleNode): GroupNode {
  return updateNode(root, groupId, (node) => (node.type === "group" ? { ...node, children: [...node.children, child] } : node));
}

/** A new field keeps the node but starts its operator and value afresh: the old ones may not apply. */
export function changeField(node: ConditionNode, field: RuleField): ConditionNode {
  if (field === node.field) return node;
  return { ...node, field, op: opsFor(field)[0]!, value: "" };
}

/** Switching to or from `in` turns the value into a list or back into one value. */
export function changeOp(node: ConditionNode, op: RuleOp): ConditionNode {
  if (op === "in") return { ...node, op, value: Array.isArray(node.value) ? node.value : node.value.trim() ? [node.value.trim()] : [] };
  return { ...node, op, value: Array.isArray(node.value) ? node.value[0] ?? "" : node.value };
}

/** Numbers as people type them: "1,000,000" and " 2.5 " are numbers, "" and "1e" are not. */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s,_]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export type RuleError = "emptyGroup" | "valueRequired" | "notANumber" | "tooDeep" | "tooMany";

/** How deep the API tree goes below a node at `depth`: a negation is a level of its own ({ not: … }). */
const levelsOf = (node: RuleNode) => (node.negated ? 2 : 1);

/**
 * What is wrong with each node, by id; an empty map means the rule can be evaluated. The root's id
 * carries "tooMany" when the rule has more conditions than the API takes. Limits are the domain's.
 */
export function validateTree(root: GroupNode): Map<string, RuleError> {
  const errors = new Map<string, RuleError>();
  const visit = (node: RuleNode, depth: number) => {
    const bottom = depth + levelsOf(node) - 1;
    if (bottom > MAX_RULE_DEPTH) {
      errors.set(node.id, "tooDeep");
      return;
    }
    if (node.type === "group") {
      if (node.children.length === 0) errors.set(node.id, "emptyGroup");
      node.children.forEach((child) => visit(child, bottom + 1));
      return;
    }
    if (Array.isArray(node.value)) {
      if (node.value.length === 0) errors.set(node.id, "valueRequired");
    } else if (node.value.trim() === "") errors.set(node.id, "valueRequired");
    else if (fieldKind(node.field) === "number" && parseNumber(node.value) === null) errors.set(node.id, "notANumber");
  };
  visit(root, 1);
  if (!errors.has(root.id) && countConditions(root) > MAX_RULE_CONDITIONS) errors.set(root.id, "tooMany");
  return errors;
}

/** Whether a group at this place may hold another group (the API limits the nesting). */
export function canNest(root: GroupNode, groupId: string): boolean {
  const find = (node: RuleNode, depth: number): number | null => {
    const bottom = depth + levelsOf(node) - 1;
    if (node.id === groupId) return bottom;
    if (node.type === "condition") return null;
    for (const child of node.children) {
      const found = find(child, bottom + 1);
      if (found !== null) return found;
    }
    return null;
  };
  const bottom = find(root, 1);
  // The new group is one level below, and its conditions one more.
  return bottom !== null && bottom + 2 <= MAX_RULE_DEPTH;
}

function conditionOf(node: ConditionNode): TRuleCondition {
  if (Array.isArray(node.value)) return { field: node.field, op: node.op, value: node.value };
  const number = parseNumber(node.value);
  const value = fieldKind(node.field) === "number" ? (number === null ? Number.NaN : number / (FIELD_SCALE[node.field] ?? 1)) : node.value.trim();
  return { field: node.field, op: node.op, value };
}

/** The rule the API evaluates. Validate first: an invalid number would be sent as NaN. */
export function toRule(node: RuleNode): TRule {
  const rule: TRule = node.type === "condition" ? conditionOf(node) : node.mode === "all" ? { all: node.children.map(toRule) } : { any: node.children.map(toRule) };
  return node.negated ? { not: rule } : rule;
}

const isList = (value: TRuleCondition["value"]): value is readonly string[] => Array.isArray(value);

function nodeOf(rule: TRule, negated: boolean): RuleNode {
  if ("not" in rule) return nodeOf(rule.not, !negated);
  if ("all" in rule) return { ...newGroup("all", rule.all.map((r) => nodeOf(r, false))), negated };
  if ("any" in rule) return { ...newGroup("any", rule.any.map((r) => nodeOf(r, false))), negated };
  const value = isList(rule.value) ? rule.value.map(String) : typeof rule.value === "number" ? String(displayNumber(rule.field, rule.value)) : rule.value;
  return { id: nextId(), type: "condition", negated, field: rule.field, op: rule.op, value };
}

/** The editor's tree for a rule (for example a past run's), always under a root group. */
export function fromRule(rule: TRule): GroupNode {
  const node = nodeOf(rule, false);
  return node.type === "group" && !node.negated ? node : newGroup("all", [node]);
}

/** Conditions in the tree, to show a rule's size and to pick example values. */
export function countConditions(node: RuleNode): number {
  return node.type === "condition" ? 1 : node.children.reduce((sum, child) => sum + countConditions(child), 0);
}
