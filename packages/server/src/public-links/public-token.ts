import { createHash, randomBytes } from "node:crypto";

/**
 * Links sent to people outside the organization (a customer answering a survey, a reviewer).
 * The token is `<organization id>.<256-bit secret>`, both base64url: the organization part
 * routes the lookup to one tenant (`org_id = $1 and token_hash = $2`), the secret makes it
 * unguessable. Only the SHA-256 of the whole token is stored, so a leaked database holds no
 * live links.
 */
export interface PublicToken {
  token: string;
  hash: string;
}

const SECRET_BYTES = 32;
const ORG_PART = /^[A-Za-z0-9_-]{22}$/;
const SECRET_PART = /^[A-Za-z0-9_-]{43}$/;
const HEX_UUID = /^[0-9a-f]{32}$/;

function hashOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function orgPartOf(orgId: string): string {
  const hex = orgId.replace(/-/g, "").toLowerCase();
  if (!HEX_UUID.test(hex)) throw new Error("a public token needs the organization's UUID");
  return Buffer.from(hex, "hex").toString("base64url");
}

function orgIdOf(part: string): string | null {
  if (!ORG_PART.test(part)) return null;
  const bytes = Buffer.from(part, "base64url");
  // Base64url has spare bits in its last character: re-encoding refuses the aliases of a valid token.
  if (bytes.length !== 16 || bytes.toString("base64url") !== part) return null;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new link token for an organization and the hash to store. */
export function newPublicToken(orgId: string): PublicToken {
  const token = `${orgPartOf(orgId)}.${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { token, hash: hashOf(token) };
}

/** The organization and stored hash a token stands for, or null for anything that is not a well-formed token. Never throws. */
export function parsePublicToken(token: unknown): { orgId: string; hash: string } | null {
  if (typeof token !== "string" || token.length !== 22 + 1 + 43) return null;
  const [orgPart, secret, ...rest] = token.split(".");
  if (orgPart === undefined || secret === undefined || rest.length > 0 || !SECRET_PART.test(secret)) return null;
  if (Buffer.from(secret, "base64url").toString("base64url") !== secret) return null;
  const orgId = orgIdOf(orgPart);
  return orgId === null ? null : { orgId, hash: hashOf(token) };
}
