import { ACCOUNT_SIZES, ACCOUNT_STATUSES, ACCOUNT_TIERS, BUYING_ROLES, INTERACTION_TYPES, ORDER_STATUSES, ORG_ROLES, TASK_PRIORITIES, TASK_STATUSES, TEAM_ROLES } from "@openkam/domain/enums/index";
import { describe, expect, it } from "vitest";
import { PUBLIC_SCREEN_MESSAGES } from "../components/PublicLinkScreen";
import { ACCOUNT_COLUMNS } from "../features/accounts/list-state";

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>("./*/*.json", { eager: true, import: "default" });
const sources = import.meta.glob<string>(["../**/*.{ts,tsx}", "!../**/*.test.{ts,tsx}", "!../testing/**"], { eager: true, query: "?raw", import: "default" });

function resources(language: string): Tree {
  const tree: Tree = {};
  for (const [path, messages] of Object.entries(files)) {
    const match = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (match?.[1] === language) tree[match[2]!] = messages;
  }
  return tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const en = flatten(resources("en"));
const zh = flatten(resources("zh-CN"));
const namespaces = new Set([...en.keys()].map((k) => k.split(".")[0]!));
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Keys the code uses literally: t("a.b"), and any string literal "ns.x.y" whose namespace is a locale file (labels passed around). */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const [file, text] of Object.entries(sources)) {
    for (const m of text.matchAll(/["'`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)["'`]/g)) {
      if (namespaces.has(m[1]!.split(".")[0]!)) used.set(m[1]!, file);
    }
  }
  return used;
}

/** Prefixes of keys built at run time, t(`enums.tier.${tier}`): they must name a group of messages. */
function dynamicPrefixes(): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const [file, text] of Object.entries(sources)) {
    for (const m of text.matchAll(/t\(\s*`([\w.]+)\.\$\{/g)) prefixes.set(m[1]!, file);
  }
  return prefixes;
}

describe("translations", () => {
  it("have the same keys in English and Chinese", () => {
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it("use the same {{variables}} in both languages and leave no message empty", () => {
    const mismatched = [...en].filter(([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(zh.get(key) ?? "")));
    expect(mismatched.map(([key]) => key)).toEqual([]);
    expect([...en, ...zh].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it("contain every key the code uses", () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(100);
    // A literal may also name a group of messages that code completes at run time (the link pages' namespaces).
    const known = (tree: Map<string, string>, key: string) => tree.has(key) || [...tree.keys()].some((k) => k.startsWith(`${key}.`));
    const missing = [...used].filter(([key]) => !known(en, key) || !known(zh, key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it("hold every screen of a customer's link page in the namespaces of both link pages", () => {
    const keys = ["surveys.public", "reviews.public"].flatMap((ns) => PUBLIC_SCREEN_MESSAGES.map((key) => `${ns}.${key}`));
    expect(keys.filter((key) => !en.has(key) || !zh.has(key))).toEqual([]);
  });

  it("contain a group for every key built at run time", () => {
    const prefixes = dynamicPrefixes();
    expect(prefixes.size).toBeGreaterThan(5);
    const missing = [...prefixes].filter(([prefix]) => ![...en.keys()].some((k) => k.startsWith(`${prefix}.`))).map(([p, file]) => `${p} (${file})`);
    expect(missing).toEqual([]);
  });

  it("name every value of the closed vocabularies and every accounts column", () => {
    const groups: Record<string, readonly (string | number)[]> = {
      "enums.tier": ACCOUNT_TIERS, "enums.status": ACCOUNT_STATUSES, "enums.size": ACCOUNT_SIZES, "enums.role": ORG_ROLES,
      "enums.buyingRole": BUYING_ROLES, "enums.teamRole": TEAM_ROLES, "enums.interactionType": INTERACTION_TYPES,
      "enums.taskStatus": TASK_STATUSES, "enums.taskPriority": TASK_PRIORITIES, "enums.orderStatus": ORDER_STATUSES,
      "enums.influence": [1, 2, 3, 4, 5], "enums.attitude": [-2, -1, 0, 1, 2], "accounts.columns": ACCOUNT_COLUMNS,
    };
    const missing = Object.entries(groups).flatMap(([group, values]) => values.map((v) => `${group}.${v}`)).filter((k) => !en.has(k) || !zh.has(k));
    expect(missing).toEqual([]);
  });
});
