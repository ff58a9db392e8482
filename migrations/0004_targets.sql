CREATE TABLE "targets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"comparator" text NOT NULL,
	"value_hundredths" integer NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "targets_year_ck" CHECK ("targets"."year" BETWEEN 2005 AND 2100)
);
--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_tenant_year_code_uq" ON "targets" USING btree ("tenant_id","year","code");