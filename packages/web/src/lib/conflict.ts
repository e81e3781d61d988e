/** Bookkeeping fields that always differ after someone else's save; they are not shown as changes. */
const META_FIELDS = new Set(["version", "updatedAt", "createdAt", "deletedAt", "id"]);

export interface ConflictRow {
  field: string;
  /** What the user read before editing. */
  base: unknown;
  /** What the user wants (their edit), or the base when they did not touch the field. */
  mine: unknown;
  /** What is stored now, after the other person's save. */
  theirs: unknown;
  theyChanged: boolean;
  iChanged: boolean;
  /** Both changed the field, to different values: keeping mine overwrites theirs. */
  clash: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Compares the record the user edited (base), their changes (patch) and the
 * record as it is now (current): the rows the conflict dialog shows, the
 * fields both changed first.
 */
export function describeConflict<T extends object>(base: T, patch: Partial<T>, current: T): ConflictRow[] {
  const b = base as Record<string, unknown>;
  const p = patch as Record<string, unknown>;
  const c = current as Record<string, unknown>;
  const fields = new Set([...Object.keys(p), ...Object.keys(c)].filter((f) => !META_FIELDS.has(f)));
  const rows: ConflictRow[] = [];
  for (const field of fields) {
    const iChanged = field in p && !same(p[field], b[field]);
    const theyChanged = !same(b[field], c[field]);
    if (!iChanged && !theyChanged) continue;
    const mine = field in p ? p[field] : b[field];
    rows.push({ field, base: b[field], mine, theirs: c[field], iChanged, theyChanged, clash: iChanged && theyChanged && !same(mine, c[field]) });
  }
  return rows.sort((x, y) => Number(y.clash) - Number(x.clash) || x.field.localeCompare(y.field));
}

/**
 * "Keep mine": the user's changes again, on top of the current version. Only
 * fields the user changed are sent, so the other person's other edits stay.
 */
export function keepMine<T extends object>(base: T, patch: Partial<T>, current: { version: number }): Partial<T> & { version: number } {
  const b = base as Record<string, unknown>;
  const changed = Object.fromEntries(Object.entries(patch).filter(([field, value]) => field !== "version" && !same(value, b[field])));
  return { ...(changed as Partial<T>), version: current.version };
}
