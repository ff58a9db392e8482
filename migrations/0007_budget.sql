CREATE TABLE "budget_allocations" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source_id" uuid NOT NULL,
	"allocated_cents" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "budget_allocations_tenant_id_year_source_id_pk" PRIMARY KEY("tenant_id","year","source_id"),
	CONSTRAINT "budget_allocations_cents_ck" CHECK (allocated_cents >= 0),
	CONSTRAINT "budget_allocations_year_ck" CHECK (year BETWEEN 2005 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "budget_commitment_months" (
	"tenant_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"month" date NOT NULL,
	"cents" bigint NOT NULL,
	CONSTRAINT "budget_commitment_months_tenant_id_commitment_id_month_pk" PRIMARY KEY("tenant_id","commitment_id","month"),
	CONSTRAINT "budget_commitment_months_cents_ck" CHECK (cents >= 0),
	CONSTRAINT "budget_commitment_months_month_ck" CHECK (extract(day from month) = 1)
);
--> statement-breakpoint
CREATE TABLE "budget_commitments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"origin" text NOT NULL,
	"origin_ref" uuid,
	"description" text NOT NULL,
	"override_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "budget_commitments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "budget_payments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"for_month" date,
	"cents" bigint NOT NULL,
	"reference" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "budget_payments_cents_ck" CHECK (cents > 0)
);
--> statement-breakpoint
CREATE TABLE "budget_plan_lines" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"planned_cents" bigint NOT NULL,
	CONSTRAINT "budget_plan_lines_tenant_id_year_source_id_instrument_pk" PRIMARY KEY("tenant_id","year","source_id","instrument"),
	CONSTRAINT "budget_plan_lines_cents_ck" CHECK (planned_cents >= 0)
);
--> statement-breakpoint
CREATE TABLE "budget_sources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "budget_sources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "subsidy_coaching" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "subsidy_coaching_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "subsidy_coaching_minutes_ck" CHECK (minutes > 0 AND minutes <= 600)
);
--> statement-breakpoint
CREATE TABLE "subsidy_contracts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"employer" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_on" date,
	"weekly_hours" numeric(4, 1) NOT NULL,
	"wage_basis" text NOT NULL,
	"agreed_hourly_cents" integer,
	"pat_share_bp" integer DEFAULT 0 NOT NULL,
	"rule_version" text NOT NULL,
	"eligible" text NOT NULL,
	"override_reason" text,
	"employment_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_contracts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "subsidy_contracts_period_ck" CHECK (ends_on > starts_on AND (ended_on IS NULL OR (ended_on > starts_on AND ended_on <= ends_on))),
	CONSTRAINT "subsidy_contracts_hours_ck" CHECK (weekly_hours > 0 AND weekly_hours <= 48),
	CONSTRAINT "subsidy_contracts_pat_ck" CHECK (pat_share_bp BETWEEN 0 AND 10000),
	CONSTRAINT "subsidy_contracts_wage_ck" CHECK ((wage_basis = 'agreed') = (agreed_hourly_cents IS NOT NULL) AND (agreed_hourly_cents IS NULL OR agreed_hourly_cents > 0))
);
--> statement-breakpoint
ALTER TABLE "budget_allocations" ADD CONSTRAINT "budget_allocations_tenant_id_source_id_budget_sources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "public"."budget_sources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_commitment_months" ADD CONSTRAINT "budget_commitment_months_tenant_id_commitment_id_budget_commitments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","commitment_id") REFERENCES "public"."budget_commitments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_commitments" ADD CONSTRAINT "budget_commitments_tenant_id_source_id_budget_sources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "public"."budget_sources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_payments" ADD CONSTRAINT "budget_payments_tenant_id_commitment_id_budget_commitments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","commitment_id") REFERENCES "public"."budget_commitments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_plan_lines" ADD CONSTRAINT "budget_plan_lines_tenant_id_year_source_id_budget_allocations_tenant_id_year_source_id_fk" FOREIGN KEY ("tenant_id","year","source_id") REFERENCES "public"."budget_allocations"("tenant_id","year","source_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_sources" ADD CONSTRAINT "budget_sources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_coaching" ADD CONSTRAINT "subsidy_coaching_tenant_id_contract_id_subsidy_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."subsidy_contracts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_contracts" ADD CONSTRAINT "subsidy_contracts_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_commitment_months_month_idx" ON "budget_commitment_months" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "budget_commitments_origin_idx" ON "budget_commitments" USING btree ("tenant_id","origin","origin_ref");--> statement-breakpoint
CREATE INDEX "budget_payments_commitment_idx" ON "budget_payments" USING btree ("tenant_id","commitment_id");--> statement-breakpoint
CREATE INDEX "budget_payments_paid_idx" ON "budget_payments" USING btree ("tenant_id","paid_on");--> statement-breakpoint
CREATE INDEX "subsidy_coaching_contract_idx" ON "subsidy_coaching" USING btree ("tenant_id","contract_id","held_on");--> statement-breakpoint
CREATE INDEX "subsidy_contracts_person_idx" ON "subsidy_contracts" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "subsidy_contracts_start_idx" ON "subsidy_contracts" USING btree ("tenant_id","starts_on");