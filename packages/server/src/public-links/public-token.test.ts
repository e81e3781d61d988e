import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newPublicToken, parsePublicToken } from "./public-token";

const ORG = "0190a0a0-1234-7abc-8def-0123456789ab";

describe("public link tokens", () => {
  it("carry the organization and a 256-bit secret, and store only a SHA-256 hash", () => {
    const { token, hash } = newPublicToken(ORG);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token.split(".")[1]);
    expect(parsePublicToken(token)).toEqual({ orgId: ORG, hash });
  });

  it("are different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newPublicToken(ORG).token));
    expect(tokens.size).toBe(200);
  });

  it("answer null for malformed input instead of throwing", () => {
    const { token } = newPublicToken(ORG);
    const [orgPart, secret] = token.split(".") as [string, string];
    for (const bad of [
      undefined, null, 42, {}, "", ".", "abc", `${orgPart}.`, `.${secret}`, `${orgPart}.${secret}.x`, `${orgPart}${secret}x`,
      `${orgPart}.${secret.slice(0, 42)}!`, `${orgPart.slice(0, 21)}=.${secret}`, `${token} `, `../${token}`, `%2e${token.slice(3)}`,
      "a".repeat(10_000), "<script>alert(1)</script>", "\u0000".repeat(66),
    ]) {
      expect(parsePublicToken(bad), String(bad)).toBeNull();
    }
  });

  it("refuses base64url aliases whose spare bits differ", () => {
    const { token } = newPublicToken(ORG);
    const [orgPart, secret] = token.split(".") as [string, string];
    const last = secret.at(-1)!;
    const alias = "AEIMQUYcgkosw048".includes(last) ? String.fromCharCode(last.charCodeAt(0) + 1) : last;
    if (alias !== last) expect(parsePublicToken(`${orgPart}.${secret.slice(0, -1)}${alias}`)).toBeNull();
  });

  it("never throws on arbitrary strings (property)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (s) => {
      const parsed = parsePublicToken(s);
      expect(parsed === null || /^[0-9a-f-]{36}$/.test(parsed.orgId)).toBe(true);
    }));
  });

  it("round-trips any organization id (property)", () => {
    fc.assert(fc.property(fc.uuid(), (orgId) => {
      const { token, hash } = newPublicToken(orgId);
      expect(parsePublicToken(token)).toEqual({ orgId: orgId.toLowerCase(), hash });
    }), { numRuns: 50 });
  });
});
