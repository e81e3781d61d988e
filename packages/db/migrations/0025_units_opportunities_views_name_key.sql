ALTER TABLE "saved_views" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "account_business_units" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "name_key" text;--> statement-breakpoint
-- As in 0023 and 0024: every writer stores the key with the name; migrate() fills in the keys of rows stored before.
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_name_key_set" CHECK ("name_key" IS NOT NULL) NOT VALID;--> statement-breakpoint
ALTER TABLE "account_business_units" ADD CONSTRAINT "account_business_units_name_key_set" CHECK ("name_key" IS NOT NULL) NOT VALID;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_name_key_set" CHECK ("name_key" IS NOT NULL) NOT VALID;
