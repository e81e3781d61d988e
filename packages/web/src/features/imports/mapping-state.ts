/** Which file column feeds which field: file header → field, or null for a column left out. */
export type Mapping = Record<string, string | null>;

/** Every header of the file, pre-filled with the server's guess (it knows common English and Chinese headers). */
export function initialMapping(headers: readonly string[], guessed: Readonly<Record<string, string>>): Mapping {
  return Object.fromEntries(headers.map((h) => [h, guessed[h] ?? null]));
}

/**
 * Maps a column to a field. A field is fed by one column only, so a column
 * that had the field loses it (the server refuses two columns on one field).
 */
export function assignField(mapping: Mapping, header: string, field: string | null): Mapping {
  const next: Mapping = {};
  for (const [h, f] of Object.entries(mapping)) next[h] = h === header ? field : field !== null && f === field ? null : f;
  return next;
}

/** The fields no column feeds yet, in the entity's order. */
export function unmappedFields(mapping: Mapping, fields: readonly string[]): string[] {
  const used = new Set(Object.values(mapping));
  return fields.filter((f) => !used.has(f));
}

/**
 * What the mapping lacks before the file can be imported: the required fields
 * no column feeds (the server would refuse the file), and the optional ones
 * that simply stay empty. Both in the entity's order.
 */
export function mappingGaps(mapping: Mapping, fields: readonly string[], required: readonly string[]): { requiredMissing: string[]; optionalMissing: string[] } {
  const mandatory = new Set(required);
  const unmapped = unmappedFields(mapping, fields);
  return {
    requiredMissing: unmappedFields(mapping, required),
    optionalMissing: unmapped.filter((f) => !mandatory.has(f)),
  };
}

/** Whether a dry run or an import may start: something is mapped and every required field has a column. */
export function canRunImport(mapping: Mapping, required: readonly string[]): boolean {
  return Object.values(mapping).some((f) => f !== null) && unmappedFields(mapping, required).length === 0;
}

/** The mapping the API takes: only the columns that feed a field (the others are ignored). */
export function mappingPayload(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => e[1] !== null));
}

/**
 * Data rows in a CSV file, for the progress bar (the server reports rows read,
 * not the total). Quoted line breaks make it an estimate, so progress is capped
 * below 100% until the import says it is done.
 */
export function estimateRows(text: string): number {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "");
  return Math.max(0, lines.length - 1);
}

/** Progress in percent from rows read and the estimated total; null when the total is unknown. */
export function progressPercent(rowsRead: number, total: number | null, finished: boolean): number | null {
  if (finished) return 100;
  if (!total) return null;
  return Math.min(99, Math.round((rowsRead / total) * 100));
}
