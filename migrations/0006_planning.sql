CREATE TABLE "contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"contact_date" date NOT NULL,
	"contact_time" text NOT NULL,
	"status" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contacts_time_ck" CHECK (contact_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "mitarbeit_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"review_date" date NOT NULL,
	"reasons" text[] NOT NULL,
	"note" text,
	"staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mitarbeit_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_revisions" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"plan_date" date NOT NULL,
	"review_date" date NOT NULL,
	"strengths" text,
	"skills" text,
	"obstacles" text[] DEFAULT '{}' NOT NULL,
	"obstacle_note" text,
	"goal" text NOT NULL,
	"target_occupations" text[] DEFAULT '{}' NOT NULL,
	"customer_words" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_revisions_tenant_id_plan_id_revision_pk" PRIMARY KEY("tenant_id","plan_id","revision"),
	CONSTRAINT "plan_revisions_review_ck" CHECK (review_date > plan_date)
);
--> statement-breakpoint
CREATE TABLE "plan_steps" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"done_on" date,
	CONSTRAINT "plan_steps_tenant_id_plan_id_revision_position_pk" PRIMARY KEY("tenant_id","plan_id","revision","position")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"current_revision" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_staff_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "public"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mitarbeit_reviews" ADD CONSTRAINT "mitarbeit_reviews_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mitarbeit_reviews" ADD CONSTRAINT "mitarbeit_reviews_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mitarbeit_reviews" ADD CONSTRAINT "mitarbeit_reviews_tenant_id_staff_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "public"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_tenant_id_created_by_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_steps" ADD CONSTRAINT "plan_steps_tenant_id_plan_id_revision_plan_revisions_tenant_id_plan_id_revision_fk" FOREIGN KEY ("tenant_id","plan_id","revision") REFERENCES "public"."plan_revisions"("tenant_id","plan_id","revision") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_person_idx" ON "contacts" USING btree ("tenant_id","person_id","contact_date");--> statement-breakpoint
CREATE INDEX "contacts_date_idx" ON "contacts" USING btree ("tenant_id","contact_date");--> statement-breakpoint
CREATE INDEX "mitarbeit_reviews_person_idx" ON "mitarbeit_reviews" USING btree ("tenant_id","person_id","review_date");--> statement-breakpoint
CREATE INDEX "mitarbeit_reviews_team_idx" ON "mitarbeit_reviews" USING btree ("tenant_id","team_id","review_date");--> statement-breakpoint
CREATE INDEX "plan_steps_due_idx" ON "plan_steps" USING btree ("tenant_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_person_uq" ON "plans" USING btree ("tenant_id","person_id");