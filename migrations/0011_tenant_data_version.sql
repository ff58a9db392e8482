-- The data version per Jobcenter (src/db/data-version.ts): a write in one Jobcenter no longer makes the cached
-- key figures of all the others stale. Each statement that writes one of the tables of 0009 now appends one row
-- per distinct tenant_id it touched (read once per statement from its transition table, not per row); a row
-- with tenant_id NULL means "all Jobcenters" (TRUNCATE, which has no transition table, and the rows written
-- before this migration). A Jobcenter's version = data_changes_base (the global part) + its row in
-- data_changes_tenant_base + its rows + the NULL rows. Right after this migration every Jobcenter's version
-- equals the old global one (all existing rows are NULL rows), so no version goes back.
ALTER TABLE data_changes ADD COLUMN tenant_id uuid;
--> statement-breakpoint
CREATE TABLE data_changes_tenant_base (tenant_id uuid PRIMARY KEY, changes bigint NOT NULL);
--> statement-breakpoint
-- one function per event: the transition tables have fixed names given in each trigger's REFERENCING clause
CREATE OR REPLACE FUNCTION data_changed_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_changes (tenant_id) SELECT DISTINCT tenant_id FROM new_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_changed_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the tenants before and after (an update could move a row to another tenant)
  INSERT INTO data_changes (tenant_id) SELECT tenant_id FROM old_rows UNION SELECT tenant_id FROM new_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_changed_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_changes (tenant_id) SELECT DISTINCT tenant_id FROM old_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- PostgreSQL allows transition tables only on triggers with one event: four triggers per table instead of the
-- one of 0009. TRUNCATE keeps data_changed() of 0009 (one row, tenant_id NULL: all Jobcenters).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sites', 'teams', 'households', 'persons', 'household_memberships', 'benefit_periods',
                           'status_periods', 'team_assignments', 'employments', 'household_payments']
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_data_changed', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION data_changed_insert()', t || '_data_changed_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION data_changed_update()', t || '_data_changed_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION data_changed_delete()', t || '_data_changed_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION data_changed()', t || '_data_changed_truncate', t);
  END LOOP;
END;
$$;
