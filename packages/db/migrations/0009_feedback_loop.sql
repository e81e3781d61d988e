CREATE TABLE "feedback_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"category" text,
	"severity" text NOT NULL,
	"area" text,
	"owner_user_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"task_id" uuid,
	"email_from" text,
	"email_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "feedback_items_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "feedback_items_source_check" CHECK ("source" in ('survey', 'interaction', 'case', 'email', 'manual')),
	CONSTRAINT "feedback_items_severity_check" CHECK ("severity" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "feedback_items_status_check" CHECK ("status" in ('new', 'acknowledged', 'planned', 'done', 'informed', 'closed')),
	CONSTRAINT "feedback_items_source_id_check" CHECK ("feedback_items"."source" in ('email', 'manual') or "feedback_items"."source_id" is not null),
	CONSTRAINT "feedback_items_closed_check" CHECK (("feedback_items"."status" = 'closed') = ("feedback_items"."closed_at" is not null)),
	CONSTRAINT "feedback_items_task_check" CHECK ("feedback_items"."status" in ('new', 'acknowledged') or "feedback_items"."task_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "feedback_transitions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" uuid,
	"note" text,
	CONSTRAINT "feedback_transitions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "feedback_transitions_from_check" CHECK ("from_status" in ('new', 'acknowledged', 'planned', 'done', 'informed', 'closed')),
	CONSTRAINT "feedback_transitions_to_check" CHECK ("to_status" in ('new', 'acknowledged', 'planned', 'done', 'informed', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_source_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_org_id_owner_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","owner_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_transitions" ADD CONSTRAINT "feedback_transitions_org_id_feedback_id_feedback_items_org_id_id_fk" FOREIGN KEY ("org_id","feedback_id") REFERENCES "public"."feedback_items"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_transitions" ADD CONSTRAINT "feedback_transitions_org_id_by_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","by_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_items_account_idx" ON "feedback_items" USING btree ("org_id","account_id","status");--> statement-breakpoint
CREATE INDEX "feedback_items_status_idx" ON "feedback_items" USING btree ("org_id","status","status_changed_at");--> statement-breakpoint
CREATE INDEX "feedback_items_owner_idx" ON "feedback_items" USING btree ("org_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "feedback_items_source_idx" ON "feedback_items" USING btree ("org_id","source","source_id");--> statement-breakpoint
CREATE INDEX "feedback_items_closed_idx" ON "feedback_items" USING btree ("org_id","account_id","closed_at") WHERE "feedback_items"."closed_at" is not null;--> statement-breakpoint
CREATE INDEX "feedback_transitions_item_idx" ON "feedback_transitions" USING btree ("org_id","feedback_id","at");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_source_check" CHECK (("tasks"."source_type" is null) = ("tasks"."source_id" is null) and ("tasks"."source_type" is null or "source_type" in ('interaction', 'plan', 'case', 'journey', 'feedback')));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("kind" in ('cadence_reminder', 'mention', 'feedback_assigned'));