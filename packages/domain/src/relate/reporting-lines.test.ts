import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReportingForest, checkReportingLine, findReportingCycle, type ReportingLine, type ReportingNode } from "./reporting-lines";

const lines = (pairs: Record<string, string | null>): ReportingLine[] => Object.entries(pairs).map(([id, reportsToContactId]) => ({ id, reportsToContactId }));

// ceo ← cfo ← controller, ceo ← cto
const chart = lines({ ceo: null, cfo: "ceo", controller: "cfo", cto: "ceo" });

describe("findReportingCycle", () => {
  it("returns the loop a contact reporting to itself would make", () => {
    expect(findReportingCycle({ contacts: chart, contactId: "cto", reportsToContactId: "cto" })).toEqual(["cto", "cto"]);
  });
  it("returns the path back to the contact when a manager would report to its own report", () => {
    expect(findReportingCycle({ contacts: chart, contactId: "ceo", reportsToContactId: "cfo" })).toEqual(["ceo", "cfo", "ceo"]);
    expect(findReportingCycle({ contacts: chart, contactId: "ceo", reportsToContactId: "controller" })).toEqual(["ceo", "controller", "cfo", "ceo"]);
  });
  it("allows moves that keep the chart a tree, and removing a line", () => {
    expect(findReportingCycle({ contacts: chart, contactId: "controller", reportsToContactId: "cto" })).toBeNull();
    expect(findReportingCycle({ contacts: chart, contactId: "cfo", reportsToContactId: "cto" })).toBeNull();
    expect(findReportingCycle({ contacts: chart, contactId: "ceo", reportsToContactId: null })).toBeNull();
  });
  it("ends on a cycle already in the data that does not pass through the contact", () => {
    const broken = lines({ a: null, x: "y", y: "x" });
    expect(findReportingCycle({ contacts: broken, contactId: "a", reportsToContactId: "x" })).toBeNull();
  });
  it("ends on a manager that is not among the contacts", () => {
    expect(findReportingCycle({ contacts: lines({ a: null, b: "gone" }), contactId: "a", reportsToContactId: "b" })).toBeNull();
  });
  it("property: a cycle is returned exactly when the new line leads back to the contact, and follows the lines", () => {
    fc.assert(
      fc.property(randomLines(), fc.nat(), fc.nat(), (contacts, i, j) => {
        const contactId = contacts[i % contacts.length]!.id;
        const reportsToContactId = contacts[j % contacts.length]!.id;
        const cycle = findReportingCycle({ contacts, contactId, reportsToContactId });
        const after = new Map(contacts.map((c) => [c.id, c.reportsToContactId]));
        after.set(contactId, reportsToContactId);
        expect(cycle !== null).toBe(leadsBackTo(after, contactId));
        if (cycle) {
          expect(cycle[0]).toBe(contactId);
          expect(cycle.at(-1)).toBe(contactId);
          for (let k = 0; k + 1 < cycle.length; k++) expect(after.get(cycle[k]!)).toBe(cycle[k + 1]);
        }
      }),
    );
  });
});

describe("checkReportingLine", () => {
  it("accepts a safe change and a removal", () => {
    expect(checkReportingLine({ contacts: chart, contactId: "cto", reportsToContactId: "cfo" })).toEqual({ ok: true });
    expect(checkReportingLine({ contacts: chart, contactId: "cto", reportsToContactId: null })).toEqual({ ok: true });
  });
  it("rejects a cycle with its path", () => {
    expect(checkReportingLine({ contacts: chart, contactId: "cfo", reportsToContactId: "controller" })).toEqual({
      ok: false,
      code: "REPORTING_LINE_CYCLE",
      cycle: ["cfo", "controller", "cfo"],
    });
  });
  it("rejects a manager from outside the account", () => {
    expect(checkReportingLine({ contacts: chart, contactId: "cto", reportsToContactId: "stranger" })).toEqual({
      ok: false,
      code: "REPORTING_LINE_UNKNOWN_CONTACT",
      contactId: "stranger",
    });
  });
});

const shape = <T extends ReportingLine>(nodes: ReportingNode<T>[]): unknown =>
  nodes.map((n) => (n.reports.length === 0 && n.broken === null ? n.contact.id : { [n.contact.id]: shape(n.reports), ...(n.broken ? { broken: n.broken } : {}) }));

describe("buildReportingForest", () => {
  it("builds the chart with reports in input order", () => {
    expect(shape(buildReportingForest(chart))).toEqual([{ ceo: [{ cfo: ["controller"] }, "cto"] }]);
  });
  it("keeps the contacts' own fields on the nodes", () => {
    const [root] = buildReportingForest([{ id: "a", reportsToContactId: null, name: "Ada" }]);
    expect(root!.contact.name).toBe("Ada");
  });
  it("puts contacts with a missing manager or reporting to themselves at the top, saying why", () => {
    expect(shape(buildReportingForest(lines({ a: "gone", b: "b", c: "a" })))).toEqual([{ a: ["c"], broken: "unknown_manager" }, { b: [], broken: "self" }]);
  });
  it("breaks a cycle at its member that comes first, and hangs the rest below", () => {
    // c → a → b → c, with d reporting into the loop.
    expect(shape(buildReportingForest(lines({ d: "a", c: "a", a: "b", b: "c" })))).toEqual([{ c: [{ b: [{ a: ["d"] }] }], broken: "cycle" }]);
  });
  it("keeps the first of two contacts with the same id", () => {
    const forest = buildReportingForest([...lines({ a: null, b: "a" }), { id: "a", reportsToContactId: "b" }]);
    expect(shape(forest)).toEqual([{ a: ["b"] }]);
  });
  it("property: every contact appears once, under its stored manager unless that line is broken", () => {
    fc.assert(
      fc.property(randomLines(), (contacts) => {
        const forest = buildReportingForest(contacts);
        const seen: string[] = [];
        const visit = (node: ReportingNode<ReportingLine>, parent: string | null) => {
          seen.push(node.contact.id);
          if (parent !== null) {
            expect(node.contact.reportsToContactId).toBe(parent);
            expect(node.broken).toBeNull();
          } else if (node.contact.reportsToContactId !== null) {
            expect(node.broken).not.toBeNull();
          }
          node.reports.forEach((r) => visit(r, node.contact.id));
        };
        forest.forEach((root) => visit(root, null));
        expect(seen.sort()).toEqual([...new Set(contacts.map((c) => c.id))].sort());
      }),
    );
  });
});

/** Up to 12 contacts with lines to each other, to themselves, to nobody or to unknown ids. */
function randomLines() {
  const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
  return fc
    .uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 12 })
    .chain((chosen) =>
      fc.tuple(...chosen.map((id) => fc.record({ id: fc.constant(id), reportsToContactId: fc.oneof(fc.constant(null), fc.constantFrom(...ids), fc.constant("gone")) }))),
    );
}

function leadsBackTo(managerOf: Map<string, string | null>, contactId: string): boolean {
  let current = managerOf.get(contactId) ?? null;
  for (let steps = 0; current !== null && steps <= managerOf.size; steps++) {
    if (current === contactId) return true;
    current = managerOf.get(current) ?? null;
  }
  return false;
}
