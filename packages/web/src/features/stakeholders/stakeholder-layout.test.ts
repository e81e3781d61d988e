import { describe, expect, it } from "vitest";
import { layoutKey, layoutStakeholders, NODE_HEIGHT, NODE_WIDTH, type LayoutInput } from "./stakeholder-layout";

const c = (id: string, reportsToContactId: string | null = null): LayoutInput => ({ id, reportsToContactId });

function overlaps(positions: Map<string, { x: number; y: number }>) {
  const all = [...positions.values()];
  let n = 0;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (Math.abs(all[i]!.x - all[j]!.x) < NODE_WIDTH && Math.abs(all[i]!.y - all[j]!.y) < NODE_HEIGHT) n++;
    }
  }
  return n;
}

describe("layoutStakeholders", () => {
  it("puts managers above their reports, centred over them", () => {
    const p = layoutStakeholders([c("ceo"), c("cfo", "ceo"), c("cto", "ceo"), c("dev", "cto")]);
    expect(p.get("ceo")!.y).toBeLessThan(p.get("cfo")!.y);
    expect(p.get("cfo")!.y).toBe(p.get("cto")!.y);
    expect(p.get("dev")!.y).toBeGreaterThan(p.get("cto")!.y);
    expect(p.get("ceo")!.x).toBe((p.get("cfo")!.x + p.get("cto")!.x) / 2);
    expect(overlaps(p)).toBe(0);
  });

  it("places contacts outside any reporting line in a grid below the trees", () => {
    const p = layoutStakeholders([c("boss"), c("aide", "boss"), c("a"), c("b"), c("c")]);
    expect(p.get("a")!.y).toBeGreaterThan(p.get("aide")!.y);
    expect(new Set(["a", "b", "c"].map((id) => p.get(id)!.y)).size).toBe(1);
  });

  it("survives a cycle and a manager who is not on the map", () => {
    const p = layoutStakeholders([c("x", "y"), c("y", "x"), c("z", "gone")]);
    expect([...p.keys()].sort()).toEqual(["x", "y", "z"]);
    expect(overlaps(p)).toBe(0);
  });

  it("lays out 200 contacts in a few milliseconds without overlaps, and keeps the key equal when only the details change", () => {
    const contacts: LayoutInput[] = Array.from({ length: 200 }, (_, i) => c(`p${i}`, i === 0 ? null : i < 120 ? `p${Math.floor((i - 1) / 3)}` : null));
    const started = performance.now();
    const p = layoutStakeholders(contacts);
    const elapsed = performance.now() - started;
    expect(p.size).toBe(200);
    expect(overlaps(p)).toBe(0);
    expect(elapsed).toBeLessThan(50);
    expect(layoutKey(contacts)).toBe(layoutKey(contacts.map((x) => ({ ...x, attitude: 2 }))));
    expect(layoutKey(contacts)).not.toBe(layoutKey(contacts.map((x, i) => (i === 5 ? { ...x, reportsToContactId: null } : x))));
  });
});
