import { describe, expect, it } from "vitest";
import { generateDemo } from "./demo-generator";

describe("demo contacts", () => {
  const data = generateDemo({ asOf: "2025-06-30", scale: 0.3, seed: 11 });
  const byId = new Map(data.contacts.map((c) => [c.id!, c]));

  it("has about five contacts per account", () => {
    const perAccount = data.contacts.length / data.accounts.length;
    expect(perAccount).toBeGreaterThan(4);
    expect(perAccount).toBeLessThan(6.5);
  });

  it("reports only to a contact of the same account, listed earlier", () => {
    const seen = new Set<string>();
    for (const contact of data.contacts) {
      if (contact.reportsToContactId) {
        expect(seen.has(contact.reportsToContactId)).toBe(true);
        expect(byId.get(contact.reportsToContactId)!.accountId).toBe(contact.accountId);
      }
      seen.add(contact.id!);
    }
  });

  it("has no reporting cycles", () => {
    for (const contact of data.contacts) {
      const path = new Set<string>();
      let current: string | null | undefined = contact.id;
      while (current) {
        expect(path.has(current)).toBe(false);
        path.add(current);
        current = byId.get(current)!.reportsToContactId;
      }
    }
  });

  it("writes titles in the account's language", () => {
    const chinese = data.contacts.filter((c) => /[\u4e00-\u9fff]/.test(c.name));
    const english = data.contacts.filter((c) => !/[\u4e00-\u9fff]/.test(c.name));
    expect(chinese.length).toBeGreaterThan(english.length);
    expect(english.length).toBeGreaterThan(0);
    for (const c of chinese) expect(c.title).toMatch(/[\u4e00-\u9fff]/);
    for (const c of english) expect(c.title).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
