DROP INDEX "contacts_org_name_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "contacts_org_name_key_idx" ON "contacts" USING btree ("org_id","name_key" collate "C","id");--> statement-breakpoint
CREATE INDEX "products_org_name_key_idx" ON "products" USING btree ("org_id","name_key" collate "C","id");--> statement-breakpoint
-- As for accounts in 0023: every writer stores the key with the name; the keys of rows already stored are filled in
-- by migrate() right after this migration, in Node, where the pinyin dictionary is.
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_name_key_set" CHECK ("name_key" IS NOT NULL) NOT VALID;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_name_key_set" CHECK ("name_key" IS NOT NULL) NOT VALID;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_name_key_set" CHECK ("name_key" IS NOT NULL) NOT VALID;
