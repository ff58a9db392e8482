-- Which persons a write touched (src/db/person-changes.ts): the key figures' facts cache refreshes only their
-- facts after a write instead of loading the whole Jobcenter again. Each statement that writes one of the
-- person-level tables of the facts appends, per distinct person (and household, for memberships), one row
-- with its transaction id; a reader that loaded the facts under snapshot S asks for the rows whose
-- transaction S did not see. A statement touching more than 100 rows (an import, the demo seed, COPY)
-- appends one row with person_id NULL instead: "every person of this Jobcenter" (the reader loads again in
-- full, which it would do anyway, and the log stays small). TRUNCATE appends tenant_id NULL: all Jobcenters.
-- Writes to households and payments append one row per statement and Jobcenter with `payments` set: the
-- monthly payment sums (K1, K1E1) are read again, no person's facts. The data version (0009, 0011) still
-- decides whether anything changed at all; this log only narrows what.
CREATE TABLE person_changes (
  tenant_id uuid,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  person_id uuid,
  household_id uuid,
  payments boolean NOT NULL DEFAULT false
);
--> statement-breakpoint
CREATE INDEX person_changes_tenant_xid ON person_changes (tenant_id, xid);
--> statement-breakpoint
-- Rows of transactions below `floor` have been deleted (a reader whose snapshot's xmin is below it loads in
-- full); `next_floor` becomes the floor at the next compaction, so a row lives at least one compaction cycle,
-- and the floor moves at most every ten minutes (`advanced_at`), even when compactions come back to back.
CREATE TABLE person_changes_horizon (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  floor xid8 NOT NULL,
  next_floor xid8 NOT NULL,
  advanced_at timestamptz NOT NULL DEFAULT '-infinity'
);
--> statement-breakpoint
INSERT INTO person_changes_horizon (floor, next_floor) VALUES ('0'::xid8, '0'::xid8);
--> statement-breakpoint
-- TG_ARGV[0]: the column naming the person; TG_ARGV[1]: the household's (memberships only). One function for
-- the three events and all tables: the transition tables are read by dynamic SQL, so each trigger names only
-- the ones its event has.
CREATE OR REPLACE FUNCTION person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  person_col text := TG_ARGV[0];
  household_col text := coalesce(TG_ARGV[1], 'NULL::uuid');
  source text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT * FROM old_rows'
    ELSE 'SELECT * FROM old_rows UNION ALL SELECT * FROM new_rows' END;
  n int;
BEGIN
  -- the rows the statement wrote (an UPDATE's new versions: its old ones are as many)
  EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %s LIMIT 101) x',
                 CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END) INTO n;
  IF n > 100 THEN
    EXECUTE format('INSERT INTO person_changes (tenant_id) SELECT DISTINCT tenant_id FROM (%s) r', source);
  ELSE
    EXECUTE format('INSERT INTO person_changes (tenant_id, person_id, household_id)
                      SELECT DISTINCT tenant_id, %s, %s FROM (%s) r', person_col, household_col, source);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO person_changes (tenant_id, payments) SELECT DISTINCT tenant_id, true FROM %s',
                 CASE TG_OP WHEN 'DELETE' THEN 'old_rows' WHEN 'INSERT' THEN 'new_rows'
                            ELSE '(SELECT tenant_id FROM old_rows UNION ALL SELECT tenant_id FROM new_rows) r' END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A household's payments count in its team's sums: only a change of team (or of the row's identity) changes
-- them. A new household has no payments yet; a deleted one takes its payments along, which log themselves.
CREATE OR REPLACE FUNCTION household_team_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_changes (tenant_id, payments)
    SELECT DISTINCT n.tenant_id, true FROM new_rows n
     WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.tenant_id = n.tenant_id AND o.id = n.id AND o.team_id = n.team_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION person_changed_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_changes (tenant_id) VALUES (NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
  args text;
BEGIN
  FOREACH t IN ARRAY ARRAY['persons', 'household_memberships', 'benefit_periods', 'status_periods',
                           'team_assignments', 'employments']
  LOOP
    args := CASE t WHEN 'persons' THEN '''id''' WHEN 'household_memberships' THEN '''person_id'', ''household_id'''
                   ELSE '''person_id''' END;
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION person_changed(%s)', t || '_person_changed_insert', t, args);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION person_changed(%s)', t || '_person_changed_update', t, args);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION person_changed(%s)', t || '_person_changed_delete', t, args);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION person_changed_truncate()', t || '_person_changed_truncate', t);
  END LOOP;
  -- payments: every write changes the sums
  CREATE TRIGGER household_payments_person_changed_insert AFTER INSERT ON household_payments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_changed();
  CREATE TRIGGER household_payments_person_changed_update AFTER UPDATE ON household_payments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_changed();
  CREATE TRIGGER household_payments_person_changed_delete AFTER DELETE ON household_payments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_changed();
  CREATE TRIGGER household_payments_person_changed_truncate AFTER TRUNCATE ON household_payments
    FOR EACH STATEMENT EXECUTE FUNCTION person_changed_truncate();
  -- households: their team decides in which team's sums their payments count
  CREATE TRIGGER households_person_changed_update AFTER UPDATE ON households
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_team_changed();
  CREATE TRIGGER households_person_changed_truncate AFTER TRUNCATE ON households
    FOR EACH STATEMENT EXECUTE FUNCTION person_changed_truncate();
END;
$$;
