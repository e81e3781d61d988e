import type { BuyingRole } from "../enums/index";
import { assertInstant } from "./dates";

export interface CoverageContact {
  id: string;
  buyingRole: BuyingRole | null;
  /** 1 (little) to 5 (decisive); null when not assessed. */
  influence: number | null;
  /** −2 (opposes us) to +2 (advocates us); null when not assessed. */
  attitude: number | null;
  lastMetAt: Date | null;
  /** Our users who own the relationship with this contact. */
  ownerUserIds: readonly string[];
}

/** In the order the warnings are returned; the web app translates each code. */
export const COVERAGE_WARNING_CODES = ["no_decision_maker_contact", "no_champion", "key_contact_not_met", "single_threaded"] as const;
export type CoverageWarningCode = (typeof COVERAGE_WARNING_CODES)[number];

export interface CoverageWarning {
  code: CoverageWarningCode;
  /** The contacts concerned, in input order; may be empty (no decision maker exists, no champion exists). */
  contactIds: string[];
  /** Our users concerned: the one person (or nobody) an account is single-threaded on; empty for the other codes. */
  userIds: string[];
}

export interface AssessCoverageOptions {
  contacts: readonly CoverageContact[];
  /** Our users in touch with the account beyond the contacts' owners (meeting attendees, for instance). */
  usersInTouch?: readonly string[];
  now: Date;
  /** A key contact not met for longer than this is flagged; 90 days unless told. */
  notMetDays?: number;
  /** From this influence on a contact is key; 4 unless told. Decision makers are always key. */
  keyInfluence?: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * Gaps in the relationship with an account:
 * - `no_decision_maker_contact`: no decision maker has ever been met — either none is known
 *   (empty `contactIds`) or those known (listed) were never met;
 * - `no_champion`: no champion on our side; a contact tagged champion with a negative attitude
 *   is listed but does not count, since someone who opposes us will not sell for us;
 * - `key_contact_not_met`: decision makers and contacts of influence ≥ `keyInfluence` not met
 *   within `notMetDays` (exactly `notMetDays` ago still counts as met), or never met;
 * - `single_threaded`: fewer than two of our people in touch, so one departure loses the account
 *   (all contacts listed, as all of them hang on that thread).
 */
export function assessStakeholderCoverage({ contacts, usersInTouch = [], now, notMetDays = 90, keyInfluence = 4 }: AssessCoverageOptions): CoverageWarning[] {
  assertInstant(now, "now");
  if (!Number.isInteger(notMetDays) || notMetDays < 0) throw new RangeError(`notMetDays must be a whole number ≥ 0, got ${notMetDays}`);
  contacts.forEach(assertContact);
  const warnings: CoverageWarning[] = [];
  const warn = (code: CoverageWarningCode, list: readonly CoverageContact[], userIds: string[] = []) =>
    warnings.push({ code, contactIds: list.map((c) => c.id), userIds });

  const decisionMakers = contacts.filter((c) => c.buyingRole === "decision_maker");
  if (!decisionMakers.some((c) => c.lastMetAt !== null)) warn("no_decision_maker_contact", decisionMakers);

  const champions = contacts.filter((c) => c.buyingRole === "champion");
  if (!champions.some((c) => c.attitude === null || c.attitude >= 0)) warn("no_champion", champions);

  const cutoff = now.getTime() - notMetDays * MS_PER_DAY;
  const keyNotMet = contacts.filter(
    (c) => (c.buyingRole === "decision_maker" || (c.influence ?? 0) >= keyInfluence) && (c.lastMetAt === null || c.lastMetAt.getTime() < cutoff),
  );
  if (keyNotMet.length > 0) warn("key_contact_not_met", keyNotMet);

  const users = [...new Set([...contacts.flatMap((c) => c.ownerUserIds), ...usersInTouch])];
  if (users.length < 2) warn("single_threaded", contacts, users);
  return warnings;
}

function assertContact(contact: CoverageContact): void {
  const { id, influence, attitude, lastMetAt } = contact;
  if (influence !== null && !(Number.isInteger(influence) && influence >= 1 && influence <= 5)) {
    throw new RangeError(`contact ${id}: influence must be a whole number from 1 to 5, got ${influence}`);
  }
  if (attitude !== null && !(Number.isInteger(attitude) && attitude >= -2 && attitude <= 2)) {
    throw new RangeError(`contact ${id}: attitude must be a whole number from -2 to 2, got ${attitude}`);
  }
  if (lastMetAt !== null) assertInstant(lastMetAt, `contact ${id}: lastMetAt`);
}
