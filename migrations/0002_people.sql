-- Trigram search over folded names (persons.search_key) and EXCLUDE constraints over periods.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "benefit_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid,
	"employable" boolean NOT NULL,
	"other_jobcenter" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "benefit_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "benefit_periods_period_ck" CHECK (valid_to IS NULL OR valid_to > valid_from),
	CONSTRAINT "benefit_periods_household_ck" CHECK ((other_jobcenter IS NULL) = (household_id IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "employments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"weekly_hours" numeric(4, 1),
	"employer" text,
	"version" integer DEFAULT 1 NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "employments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "employments_period_ck" CHECK (valid_to IS NULL OR valid_to > valid_from),
	CONSTRAINT "employments_hours_ck" CHECK (weekly_hours IS NULL OR (weekly_hours > 0 AND weekly_hours <= 80))
);
--> statement-breakpoint
CREATE TABLE "household_memberships" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "household_memberships_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "household_memberships_period_ck" CHECK (valid_to IS NULL OR valid_to > valid_from)
);
--> statement-breakpoint
CREATE TABLE "household_payments" (
	"tenant_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"month" date NOT NULL,
	"standard_cents" bigint NOT NULL,
	"additional_cents" bigint NOT NULL,
	"housing_cents" bigint NOT NULL,
	CONSTRAINT "household_payments_tenant_id_household_id_month_pk" PRIMARY KEY("tenant_id","household_id","month"),
	CONSTRAINT "household_payments_month_ck" CHECK (extract(day from month) = 1),
	CONSTRAINT "household_payments_amounts_ck" CHECK (standard_cents >= 0 AND additional_cents >= 0 AND housing_cents >= 0)
);
--> statement-breakpoint
CREATE TABLE "households" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"team_id" uuid NOT NULL,
	"caseworker_id" uuid,
	"benefit_officer_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_number" text NOT NULL,
	"family_name" text NOT NULL,
	"given_names" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"nationality" text,
	"phone" text,
	"email" text,
	"street" text,
	"postcode" text,
	"city" text,
	"search_key" text NOT NULL,
	"team_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "status_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"detail" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "status_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "status_periods_period_ck" CHECK (valid_to IS NULL OR valid_to > valid_from)
);
--> statement-breakpoint
CREATE TABLE "team_assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "team_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "team_assignments_period_ck" CHECK (valid_to IS NULL OR valid_to > valid_from)
);
--> statement-breakpoint
ALTER TABLE "benefit_periods" ADD CONSTRAINT "benefit_periods_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_periods" ADD CONSTRAINT "benefit_periods_tenant_id_household_id_households_tenant_id_id_fk" FOREIGN KEY ("tenant_id","household_id") REFERENCES "public"."households"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_memberships" ADD CONSTRAINT "household_memberships_tenant_id_household_id_households_tenant_id_id_fk" FOREIGN KEY ("tenant_id","household_id") REFERENCES "public"."households"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_memberships" ADD CONSTRAINT "household_memberships_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_payments" ADD CONSTRAINT "household_payments_tenant_id_household_id_households_tenant_id_id_fk" FOREIGN KEY ("tenant_id","household_id") REFERENCES "public"."households"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_tenant_id_caseworker_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","caseworker_id") REFERENCES "public"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_tenant_id_benefit_officer_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","benefit_officer_id") REFERENCES "public"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_periods" ADD CONSTRAINT "status_periods_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_assignments" ADD CONSTRAINT "team_assignments_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_assignments" ADD CONSTRAINT "team_assignments_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefit_periods_person_idx" ON "benefit_periods" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "benefit_periods_range_idx" ON "benefit_periods" USING btree ("tenant_id","valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "employments_person_idx" ON "employments" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "employments_start_idx" ON "employments" USING btree ("tenant_id","valid_from");--> statement-breakpoint
CREATE INDEX "household_memberships_household_idx" ON "household_memberships" USING btree ("tenant_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_number_uq" ON "households" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "households_team_idx" ON "households" USING btree ("tenant_id","team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_customer_number_uq" ON "persons" USING btree ("tenant_id","customer_number");--> statement-breakpoint
CREATE INDEX "persons_team_idx" ON "persons" USING btree ("tenant_id","team_id");--> statement-breakpoint
CREATE INDEX "persons_birth_date_idx" ON "persons" USING btree ("tenant_id","birth_date");--> statement-breakpoint
CREATE INDEX "persons_search_trgm_idx" ON "persons" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "team_assignments_team_idx" ON "team_assignments" USING btree ("tenant_id","team_id","valid_from");--> statement-breakpoint
-- No two periods of the same attribute overlap for one person; the database refuses it even under concurrency.
ALTER TABLE "household_memberships" ADD CONSTRAINT "household_memberships_no_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "person_id" WITH =, daterange("valid_from", "valid_to") WITH &&);--> statement-breakpoint
ALTER TABLE "benefit_periods" ADD CONSTRAINT "benefit_periods_no_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "person_id" WITH =, daterange("valid_from", "valid_to") WITH &&)
  WHERE ("other_jobcenter" IS NULL);--> statement-breakpoint
ALTER TABLE "status_periods" ADD CONSTRAINT "status_periods_no_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "person_id" WITH =, "kind" WITH =, daterange("valid_from", "valid_to") WITH &&);--> statement-breakpoint
ALTER TABLE "team_assignments" ADD CONSTRAINT "team_assignments_no_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "person_id" WITH =, daterange("valid_from", "valid_to") WITH &&);
