/** Where each contact's card sits on the map: a top-down tree per reporting line, loose contacts in a grid below. */

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 118;
const GAP_X = 28;
const GAP_Y = 64;
/** Contacts without manager or reports are wrapped into rows of this many cards. */
const LOOSE_COLUMNS = 6;

export interface LayoutInput {
  id: string;
  reportsToContactId: string | null;
}

export interface Position {
  x: number;
  y: number;
}

/**
 * Lays the reporting forest out top-down: a manager is centred over their reports, trees side by
 * side, and the contacts outside any line in a grid underneath, so a flat list of 200 stays
 * compact. Managers that are not on the map (deleted) and cycles (which the API refuses, but
 * old data may hold) are treated as roots. Linear in the number of contacts.
 */
export function layoutStakeholders(contacts: readonly LayoutInput[]): Map<string, Position> {
  const ids = new Set(contacts.map((c) => c.id));
  const children = new Map<string, string[]>();
  const parentOf = new Map<string, string>();
  for (const c of contacts) {
    if (c.reportsToContactId && c.reportsToContactId !== c.id && ids.has(c.reportsToContactId)) {
      parentOf.set(c.id, c.reportsToContactId);
      const siblings = children.get(c.reportsToContactId);
      if (siblings) siblings.push(c.id);
      else children.set(c.reportsToContactId, [c.id]);
    }
  }
  const roots = contacts.filter((c) => !parentOf.has(c.id)).map((c) => c.id);
  const reached = new Set<string>();
  const reach = (root: string) => {
    const stack = [root];
    while (stack.length) {
      const id = stack.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      stack.push(...(children.get(id) ?? []));
    }
  };
  roots.forEach(reach);
  // Whoever is still unreached sits on a cycle or below one: the first met becomes a root.
  for (const c of contacts) {
    if (reached.has(c.id)) continue;
    const parent = parentOf.get(c.id)!;
    children.set(parent, (children.get(parent) ?? []).filter((x) => x !== c.id));
    parentOf.delete(c.id);
    roots.push(c.id);
    reach(c.id);
  }

  const placed = new Set<string>();
  const positions = new Map<string, Position>();
  const width = new Map<string, number>();
  const measure = (id: string): number => {
    const kids = children.get(id) ?? [];
    const w = kids.length === 0 ? NODE_WIDTH : Math.max(NODE_WIDTH, kids.reduce((sum, k) => sum + measure(k), 0) + GAP_X * (kids.length - 1));
    width.set(id, w);
    return w;
  };
  const place = (id: string, left: number, depth: number) => {
    if (placed.has(id)) return;
    placed.add(id);
    const w = width.get(id)!;
    positions.set(id, { x: left + (w - NODE_WIDTH) / 2, y: depth * (NODE_HEIGHT + GAP_Y) });
    let x = left + (w - childrenWidth(id)) / 2;
    for (const k of children.get(id) ?? []) {
      place(k, x, depth + 1);
      x += width.get(k)! + GAP_X;
    }
  };
  const childrenWidth = (id: string) => {
    const kids = children.get(id) ?? [];
    return kids.reduce((sum, k) => sum + width.get(k)!, 0) + GAP_X * Math.max(0, kids.length - 1);
  };

  const trees = roots.filter((r) => (children.get(r) ?? []).length > 0);
  const loose = roots.filter((r) => (children.get(r) ?? []).length === 0);
  let left = 0;
  let depth = 0;
  for (const root of trees) {
    measure(root);
    place(root, left, 0);
    left += width.get(root)! + GAP_X * 2;
    depth = Math.max(depth, treeDepth(root, children));
  }
  const top = trees.length === 0 ? 0 : (depth + 1) * (NODE_HEIGHT + GAP_Y) + GAP_Y;
  loose.forEach((id, i) => {
    positions.set(id, { x: (i % LOOSE_COLUMNS) * (NODE_WIDTH + GAP_X), y: top + Math.floor(i / LOOSE_COLUMNS) * (NODE_HEIGHT + GAP_X) });
  });
  return positions;
}

function treeDepth(root: string, children: Map<string, string[]>): number {
  let deepest = 0;
  const stack: Array<[string, number]> = [[root, 0]];
  const seen = new Set<string>();
  while (stack.length) {
    const [id, d] = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    deepest = Math.max(deepest, d);
    for (const k of children.get(id) ?? []) stack.push([k, d + 1]);
  }
  return deepest;
}

/**
 * The part of the contacts the layout depends on, as a string: a change of attitude or owner
 * leaves it equal, so the map keeps its layout and only the changed card renders again.
 */
export function layoutKey(contacts: readonly LayoutInput[]): string {
  return contacts.map((c) => `${c.id}>${c.reportsToContactId ?? ""}`).join("|");
}
