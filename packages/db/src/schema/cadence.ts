import { ACCOUNT_TIERS, CADENCE_KINDS, type CadencePolicyOverride } from "@openkam/domain";
import { sql, type SQL } from "drizzle-orm";
import { check, foreignKey, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { organizations } from "./identity";

const KINDS = sql.raw(CADENCE_KINDS.map((kind) => `'${kind}'`).join(", "));

/**
 * The shape of a stored cadence override: an object whose keys are cadence kinds, each a whole
 * number of days from 1 to 3660 (the range resolveCadencePolicy accepts), "quarterly",
 * "half_yearly", or null (not planned). A kind left out follows what lies beneath (the
 * organization's tier policy, or the defaults). The API validates the same; the check keeps a
 * row written by other means from breaking every cadence page of the organization.
 */
function validIntervals(column: SQL): SQL {
  return sql`jsonb_typeof(${column}) = 'object'
    and ${column} - array[${KINDS}] = '{}'::jsonb
    and not jsonb_path_exists(${column}, 'strict $.* ? (@.type() == "number" && (@ < 1 || @ > 3660 || @ != @.floor()))')
    and not jsonb_path_exists(${column}, 'strict $.* ? (@.type() == "string" && @ != "quarterly" && @ != "half_yearly")')
    and not jsonb_path_exists(${column}, 'strict $.* ? (@.type() != "number" && @.type() != "string" && @.type() != "null")')`;
}

/** An organization's own cadence for a tier, on top of the defaults (DEFAULT_CADENCE_POLICIES). */
export const cadencePolicies = pgTable("cadence_policies", {
  orgId: orgId(),
  tier: text("tier", { enum: ACCOUNT_TIERS }).notNull(),
  intervals: jsonb("intervals").$type<CadencePolicyOverride>().notNull().default({}),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.tier] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  check("cadence_policies_tier_check", oneOf("tier", ACCOUNT_TIERS)),
  check("cadence_policies_intervals_check", validIntervals(sql`intervals`)),
]);

/** One account's cadence, on top of its tier's: a kind may be given another interval, or dropped with null. */
export const accountCadences = pgTable("account_cadences", {
  orgId: orgId(),
  accountId: uuid("account_id").notNull(),
  intervals: jsonb("intervals").$type<CadencePolicyOverride>().notNull().default({}),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.accountId] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  check("account_cadences_intervals_check", validIntervals(sql`intervals`)),
]);
