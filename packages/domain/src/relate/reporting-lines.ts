/** The reporting line of one contact, as stored: whom the contact reports to, if anyone. */
export interface ReportingLine {
  id: string;
  reportsToContactId: string | null;
}

export interface ReportingLineChange {
  /** All contacts of the account, with their current reporting lines. */
  contacts: readonly ReportingLine[];
  contactId: string;
  /** The new manager; null removes the reporting line. */
  reportsToContactId: string | null;
}

/**
 * The cycle that making `contactId` report to `reportsToContactId` would close, as the path
 * from the contact up through its new managers back to itself (`[a, b, c, a]`: a reports to b,
 * b to c, c to a; `[a, a]` for a contact set to report to itself). Null when the change is safe.
 * Cycles already in the data that do not pass through the contact are not its business.
 */
export function findReportingCycle({ contacts, contactId, reportsToContactId }: ReportingLineChange): string[] | null {
  if (reportsToContactId === null) return null;
  const managerOf = new Map<string, string | null>();
  for (const c of contacts) if (!managerOf.has(c.id)) managerOf.set(c.id, c.reportsToContactId);
  const path = [contactId];
  const seen = new Set(path);
  let current: string | null | undefined = reportsToContactId;
  while (current != null) {
    path.push(current);
    if (current === contactId) return path;
    if (seen.has(current)) return null;
    seen.add(current);
    current = managerOf.get(current);
  }
  return null;
}

export type ReportingLineCheck =
  | { ok: true }
  | { ok: false; code: "REPORTING_LINE_CYCLE"; cycle: string[] }
  | { ok: false; code: "REPORTING_LINE_UNKNOWN_CONTACT"; contactId: string };

/**
 * Whether a reporting line may be set: the new manager must be one of the account's contacts
 * (the database only checks the organization) and the change must not close a cycle.
 */
export function checkReportingLine(change: ReportingLineChange): ReportingLineCheck {
  const ids = new Set(change.contacts.map((c) => c.id));
  for (const id of [change.contactId, change.reportsToContactId]) {
    if (id !== null && !ids.has(id)) return { ok: false, code: "REPORTING_LINE_UNKNOWN_CONTACT", contactId: id };
  }
  const cycle = findReportingCycle(change);
  return cycle === null ? { ok: true } : { ok: false, code: "REPORTING_LINE_CYCLE", cycle };
}

/** Why a contact stands at the top of a tree although its stored line names a manager. */
export type BrokenReportingLine = "unknown_manager" | "self" | "cycle";

export interface ReportingNode<T extends ReportingLine> {
  contact: T;
  /** Direct reports, in input order. */
  reports: ReportingNode<T>[];
  /** Set when the stored line could not be drawn, so the map can show it. */
  broken: BrokenReportingLine | null;
}

/**
 * The organization chart of an account as a forest, roots and reports in input order.
 * Stored data may be inconsistent (lines imported, managers deleted), so nothing here throws:
 * a contact whose manager is missing or itself becomes a root; of a cycle, the member that
 * comes first in the input becomes the root and the rest hang below it. A repeated id keeps
 * its first occurrence.
 */
export function buildReportingForest<T extends ReportingLine>(contacts: readonly T[]): ReportingNode<T>[] {
  const nodes = new Map<string, ReportingNode<T>>();
  for (const contact of contacts) if (!nodes.has(contact.id)) nodes.set(contact.id, { contact, reports: [], broken: null });

  const parentOf = new Map<string, string | null>();
  for (const node of nodes.values()) {
    const manager = node.contact.reportsToContactId;
    if (manager === null) parentOf.set(node.contact.id, null);
    else if (manager === node.contact.id) setRoot(node, "self");
    else if (!nodes.has(manager)) setRoot(node, "unknown_manager");
    else parentOf.set(node.contact.id, manager);
  }
  function setRoot(node: ReportingNode<T>, broken: BrokenReportingLine): void {
    node.broken = broken;
    parentOf.set(node.contact.id, null);
  }

  // A walk up the lines that meets itself has found a cycle; cutting the line of the cycle's
  // earliest member lets every contact on the walk reach a root.
  const settled = new Set<string>();
  const order = [...nodes.keys()];
  const position = new Map(order.map((id, index) => [id, index]));
  for (const start of order) {
    const walk: string[] = [];
    const onWalk = new Set<string>();
    let current: string | null = start;
    while (current !== null && !settled.has(current)) {
      if (onWalk.has(current)) {
        const cycle = walk.slice(walk.indexOf(current));
        const first = cycle.reduce((a, b) => (position.get(a)! <= position.get(b)! ? a : b));
        setRoot(nodes.get(first)!, "cycle");
        break;
      }
      walk.push(current);
      onWalk.add(current);
      current = parentOf.get(current) ?? null;
    }
    walk.forEach((id) => settled.add(id));
  }

  const roots: ReportingNode<T>[] = [];
  for (const [id, node] of nodes) {
    const parent = parentOf.get(id) ?? null;
    if (parent === null) roots.push(node);
    else nodes.get(parent)!.reports.push(node);
  }
  return roots;
}
