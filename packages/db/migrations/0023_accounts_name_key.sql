DROP INDEX "accounts_org_name_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "accounts_org_name_key_idx" ON "accounts" USING btree ("org_id","name_key" collate "C","id");--> statement-breakpoint
-- Every account written from now on carries its key (the domain's nameOrderKey); the keys of the accounts already
-- stored are filled in by migrate() right after this migration, in Node, where the pinyin dictionary is.
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_name_key_set" CHECK ("name_key" IS NOT NULL) NOT VALID;
