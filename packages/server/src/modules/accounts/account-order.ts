import { accounts } from "@openkam/db";
import { sql } from "drizzle-orm";

/**
 * Accounts in name order: by their stored sort key (pinyin for Chinese names, nameOrderKey in the domain), byte by
 * byte, as the index accounts_org_name_key_idx holds them. Ties are broken by id where it is used.
 */
export const BY_ACCOUNT_NAME = sql`${accounts.nameKey} collate "C"`;
