CREATE TABLE "stakeholder_relationships" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"strength" smallint NOT NULL,
	"last_met_at" timestamp with time zone,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stakeholder_relationships_org_id_contact_id_user_id_pk" PRIMARY KEY("org_id","contact_id","user_id"),
	CONSTRAINT "stakeholder_relationships_strength_check" CHECK ("stakeholder_relationships"."strength" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "stakeholder_relationships" ADD CONSTRAINT "stakeholder_relationships_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_relationships" ADD CONSTRAINT "stakeholder_relationships_org_id_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stakeholder_relationships_user_idx" ON "stakeholder_relationships" USING btree ("org_id","user_id");