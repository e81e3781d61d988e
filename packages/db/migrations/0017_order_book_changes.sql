CREATE TABLE "order_book_changes" (
	"org_id" uuid NOT NULL,
	"revision" bigint NOT NULL,
	"account_ids" uuid[],
	CONSTRAINT "order_book_changes_org_id_revision_pk" PRIMARY KEY("org_id","revision")
);
--> statement-breakpoint
ALTER TABLE "order_book_changes" ADD CONSTRAINT "order_book_changes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;