import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Rows in name order: by the name's stored sort key (`name_key`, written with the name from nameOrderKey in the
 * domain: pinyin for Chinese), compared byte by byte as the `*_name_key_idx` indexes hold it. The same on both
 * engines, whatever the database's collation; ties are broken by id where it is used.
 */
export const byNameKey = (nameKey: AnyPgColumn): SQL => sql`${nameKey} collate "C"`;
