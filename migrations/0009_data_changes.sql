-- A change counter for the data the key figures are computed from (src/db/data-version.ts): every statement
-- that writes one of these tables (INSERT, UPDATE, DELETE, TRUNCATE, COPY) appends one row here, in its own
-- transaction. The version is base + count of rows: it grows with every committed write statement, whichever
-- process or path made it, and never goes back. Insert-only, so writers never wait for each other here.
CREATE TABLE data_changes (id bigserial PRIMARY KEY);
--> statement-breakpoint
CREATE TABLE data_changes_base (one boolean PRIMARY KEY DEFAULT true CHECK (one), changes bigint NOT NULL);
--> statement-breakpoint
INSERT INTO data_changes_base (changes) VALUES (0);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_changes DEFAULT VALUES;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sites', 'teams', 'households', 'persons', 'household_memberships', 'benefit_periods',
                           'status_periods', 'team_assignments', 'employments', 'household_payments']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION data_changed()', t || '_data_changed', t);
  END LOOP;
END;
$$;
