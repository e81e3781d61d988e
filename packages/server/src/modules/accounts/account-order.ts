import { accounts, byNameKey } from "@openkam/db";

/** Accounts in name order (pinyin for Chinese names), as the index accounts_org_name_key_idx holds them. */
export const BY_ACCOUNT_NAME = byNameKey(accounts.nameKey);
