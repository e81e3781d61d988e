import { apiTokens, newId, type Db } from "@openkam/db";
import { sha256 } from "@openkam/server/auth/secrets";
import { TOKEN_PREFIX } from "@openkam/server/auth/authenticate";
import { eq, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";

export interface BenchActor {
  orgId: string;
  userId: string;
  role: string;
  token: string;
}

const TOKEN_NAME = "bench";

/**
 * An API token for a member of the demo organization with the given role
 * (admin: the demo login), written straight into api_tokens as the token
 * endpoints would: only the SHA-256 of the secret is stored.
 */
export async function createBenchToken(db: Db, role: "admin" | "account_manager" = "admin"): Promise<BenchActor> {
  const [member] = await db.rows<{ org_id: string; user_id: string }>(
    role === "admin"
      ? sql`select m.org_id, m.user_id from memberships m join users u on u.id = m.user_id
            where m.role = 'admin' and m.is_active order by (lower(u.email) = 'demo@openkam.dev') desc, m.created_at limit 1`
      : sql`select m.org_id, m.user_id from memberships m
            join account_team_members t on t.org_id = m.org_id and t.user_id = m.user_id
            where m.role = ${role} and m.is_active group by m.org_id, m.user_id order by count(*) desc limit 1`,
  );
  if (!member) throw new Error(`no active ${role} in the seeded database`);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  await db.orm.insert(apiTokens).values({
    orgId: member.org_id,
    id: newId(),
    userId: member.user_id,
    name: TOKEN_NAME,
    prefix: token.slice(0, 12),
    tokenHash: sha256(token),
    role,
    // Marked as used just now, so the run measures reads, not the first request's last_used_at write.
    lastUsedAt: new Date(),
  });
  return { orgId: member.org_id, userId: member.user_id, role, token };
}

/** Removes the bench's tokens again, so the cached database stays as the seed left it. */
export async function dropBenchTokens(db: Db): Promise<void> {
  await db.orm.delete(apiTokens).where(eq(apiTokens.name, TOKEN_NAME));
}
