CREATE TABLE "order_book_revisions" (
	"org_id" uuid NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "order_book_revisions_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
ALTER TABLE "order_book_revisions" ADD CONSTRAINT "order_book_revisions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;