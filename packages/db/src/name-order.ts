import { nameOrderKey } from "@openkam/domain/names/name-order";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Rows in name order: by the name's stored sort key (`name_key`, written with the name from nameOrderKey in the
 * domain: pinyin for Chinese), compared byte by byte as the `*_name_key_idx` indexes hold it. The same on both
 * engines, whatever the database's collation; ties are broken by id where it is used.
 */
export const byNameKey = (nameKey: AnyPgColumn): SQL => sql`${nameKey} collate "C"`;

/**
 * The values of an insert or an update with the name's sort key beside the name, when they set a name: every writer
 * of a table with a `name_key` column passes its values through this (the column's check refuses a row without one).
 */
export function withNameKey<const T extends { name?: string | undefined }>(values: T): T & { nameKey?: string } {
  return values.name === undefined ? values : { ...values, nameKey: nameOrderKey(values.name) };
}
