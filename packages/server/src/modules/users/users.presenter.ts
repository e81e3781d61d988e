import type { TProfile, TUser } from "@openkam/contracts";
import { LOCALES } from "@openkam/contracts";
import type { MemberRow, UserRow } from "./users.repository";

/** The wire shape of a member: never the password hash or other organizations' memberships. */
export function presentUser(row: MemberRow): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

const isLocale = (v: string | null): v is TProfile["locale"] & string => v !== null && (LOCALES as readonly string[]).includes(v);

export function presentProfile(row: UserRow): TProfile {
  return { id: row.id, email: row.email, name: row.name, locale: isLocale(row.locale) ? row.locale : null };
}
