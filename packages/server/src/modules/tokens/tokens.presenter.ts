import type { TApiTokenListItem } from "@openkam/contracts";
import type { TokenRow, TokenWithOwnerRow } from "./tokens.repository";

/** The wire shape of a token: never its hash; the secret itself only once, at creation. */
export function presentToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function presentTokenWithOwner(row: TokenWithOwnerRow): TApiTokenListItem {
  return { ...presentToken(row), owner: { id: row.userId, name: row.ownerName, email: row.ownerEmail } };
}
