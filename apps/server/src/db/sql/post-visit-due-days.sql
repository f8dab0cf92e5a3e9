-- visit_due_days (visits module) counts visit_due's rows per village, tier, counted and due day,
-- so the district's and townships' visit summaries add up a few thousand counters instead of
-- reading every household. Statement triggers with transition tables: one aggregated upsert per
-- statement (a 1000-row import batch touches three counters), counters taken in key order (two
-- statements never wait on each other's counters crosswise), counters that fall to 0 removed.
-- A day is counted in UTC days since 1970-01-01, as rollup-repository.ts splits "today".
CREATE OR REPLACE FUNCTION visit_due_day(due_at timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE AS
  $$ SELECT floor(extract(epoch FROM due_at) / 86400)::integer $$;

CREATE OR REPLACE FUNCTION visit_due_days_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO visit_due_days AS d (village_code, tier, counted, due_day, n)
  SELECT left(unit_code, 12), tier, counted, visit_due_day(due_at), count(*)::integer
  FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (village_code, tier, counted, due_day) DO UPDATE SET n = d.n + excluded.n;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION visit_due_days_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO visit_due_days AS d (village_code, tier, counted, due_day, n)
  SELECT v, t, c, dd, sum(s)::integer FROM (
    SELECT left(unit_code, 12) AS v, tier AS t, counted AS c, visit_due_day(due_at) AS dd, 1 AS s FROM new_rows
    UNION ALL
    SELECT left(unit_code, 12), tier, counted, visit_due_day(due_at), -1 FROM old_rows
  ) x GROUP BY v, t, c, dd HAVING sum(s) <> 0 ORDER BY v, t, c, dd
  ON CONFLICT (village_code, tier, counted, due_day) DO UPDATE SET n = d.n + excluded.n;
  DELETE FROM visit_due_days d USING (SELECT DISTINCT left(unit_code, 12) AS v, tier AS t, counted AS c, visit_due_day(due_at) AS dd FROM old_rows) o
  WHERE d.n = 0 AND d.village_code = o.v AND d.tier = o.t AND d.counted = o.c AND d.due_day IS NOT DISTINCT FROM o.dd;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION visit_due_days_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO visit_due_days AS d (village_code, tier, counted, due_day, n)
  SELECT left(unit_code, 12), tier, counted, visit_due_day(due_at), -count(*)::integer
  FROM old_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (village_code, tier, counted, due_day) DO UPDATE SET n = d.n + excluded.n;
  DELETE FROM visit_due_days d USING (SELECT DISTINCT left(unit_code, 12) AS v, tier AS t, counted AS c, visit_due_day(due_at) AS dd FROM old_rows) o
  WHERE d.n = 0 AND d.village_code = o.v AND d.tier = o.t AND d.counted = o.c AND d.due_day IS NOT DISTINCT FROM o.dd;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS visit_due_days_on_insert ON visit_due;
CREATE TRIGGER visit_due_days_on_insert AFTER INSERT ON visit_due REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_due_days_insert();
DROP TRIGGER IF EXISTS visit_due_days_on_update ON visit_due;
CREATE TRIGGER visit_due_days_on_update AFTER UPDATE ON visit_due REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_due_days_update();
DROP TRIGGER IF EXISTS visit_due_days_on_delete ON visit_due;
CREATE TRIGGER visit_due_days_on_delete AFTER DELETE ON visit_due REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_due_days_delete();
