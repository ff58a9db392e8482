CREATE TABLE "measure_assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"state" text NOT NULL,
	"assigned_on" date NOT NULL,
	"assigned_by" uuid NOT NULL,
	"planned_entry" date,
	"planned_end" date,
	"agreed_on" date,
	"customer_choice" text,
	"customer_reasons" text,
	"target_group_override" text,
	"person_sex" text NOT NULL,
	"person_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"in_target_group" boolean NOT NULL,
	"waiting_since" timestamp with time zone,
	"entry_date" date,
	"exit_date" date,
	"exit_reason" text,
	"outcome" text,
	"outcome_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "measure_assignments_entry_ck" CHECK (entry_date IS NULL OR entry_date >= assigned_on),
	CONSTRAINT "measure_assignments_exit_ck" CHECK (exit_date IS NULL OR (entry_date IS NOT NULL AND exit_date >= entry_date)),
	CONSTRAINT "measure_assignments_active_ck" CHECK ((state IN ('active', 'exited')) = (entry_date IS NOT NULL) AND (state = 'exited') = (exit_date IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "measure_providers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_providers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "measure_quality_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"meeting_on" date NOT NULL,
	"note" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_quality_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"legal_basis" text NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"site" text NOT NULL,
	"places" integer NOT NULL,
	"weekly_entry_limit" integer,
	"entry_weekdays" integer[] DEFAULT '{}'::int[] NOT NULL,
	"duration_value" integer NOT NULL,
	"duration_unit" text NOT NULL,
	"schedule_kind" text NOT NULL,
	"schedule_note" text,
	"days_per_week" integer,
	"childcare_on_site" boolean DEFAULT false NOT NULL,
	"cost_per_month_cents" integer NOT NULL,
	"contract_from" date NOT NULL,
	"contract_to" date,
	"integration_target_percent" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "measures_places_ck" CHECK (places > 0),
	CONSTRAINT "measures_weekly_ck" CHECK (weekly_entry_limit IS NULL OR weekly_entry_limit > 0),
	CONSTRAINT "measures_cost_ck" CHECK (cost_per_month_cents >= 0),
	CONSTRAINT "measures_duration_ck" CHECK (duration_value > 0),
	CONSTRAINT "measures_contract_ck" CHECK (contract_to IS NULL OR contract_to > contract_from)
);
--> statement-breakpoint
ALTER TABLE "measure_assignments" ADD CONSTRAINT "measure_assignments_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assignments" ADD CONSTRAINT "measure_assignments_tenant_id_assigned_by_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assigned_by") REFERENCES "public"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_providers" ADD CONSTRAINT "measure_providers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_quality_notes" ADD CONSTRAINT "measure_quality_notes_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_quality_notes" ADD CONSTRAINT "measure_quality_notes_tenant_id_author_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_tenant_id_provider_id_measure_providers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","provider_id") REFERENCES "public"."measure_providers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_assignments_measure_idx" ON "measure_assignments" USING btree ("tenant_id","measure_id","state");--> statement-breakpoint
CREATE INDEX "measure_assignments_person_idx" ON "measure_assignments" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "measures_provider_idx" ON "measures" USING btree ("tenant_id","provider_id");