CREATE TABLE "sync_change_marks" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_clients" ADD COLUMN "wake_mark" bigint;--> statement-breakpoint
-- Change marks (decision 0022): every table a pull's scope reads bumps, in the writing
-- transaction, the counter of each person whose laptops may hold what changed: the customer's
-- owner (the "no owner" key for an unassigned customer: only admins see it), the people of a
-- conflict, or the nil uuid for rows everyone holds. One statement-level trigger per table and
-- operation, with transition tables: an import of thousands of rows bumps each owner once.
CREATE FUNCTION sync_mark(owners uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO sync_change_marks AS m (owner_id, counter)
    SELECT DISTINCT o, 1 FROM unnest(owners) AS o WHERE o IS NOT NULL ORDER BY 1
  ON CONFLICT (owner_id) DO UPDATE SET counter = m.counter + 1
$$;
--> statement-breakpoint
CREATE FUNCTION sync_mark_customer_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM sync_mark(ARRAY(SELECT coalesce(c.owner_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff')
      FROM new_rows n JOIN customers c ON c.id = n.customer_id));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM sync_mark(ARRAY(SELECT coalesce(c.owner_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff')
      FROM (SELECT customer_id FROM new_rows UNION SELECT customer_id FROM old_rows) r
      JOIN customers c ON c.id = r.customer_id));
  ELSE
    PERFORM sync_mark(ARRAY(SELECT coalesce(c.owner_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff')
      FROM old_rows o JOIN customers c ON c.id = o.customer_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION sync_mark_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM sync_mark(ARRAY(SELECT coalesce(owner_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff') FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM sync_mark(ARRAY(SELECT coalesce(owner_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff') FROM new_rows
      UNION SELECT coalesce(owner_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff') FROM old_rows));
  ELSE
    PERFORM sync_mark(ARRAY(SELECT coalesce(owner_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff') FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION sync_mark_everyone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM old_rows) THEN
      PERFORM sync_mark(ARRAY['00000000-0000-0000-0000-000000000000'::uuid]);
    END IF;
  ELSIF EXISTS (SELECT 1 FROM new_rows) THEN
    PERFORM sync_mark(ARRAY['00000000-0000-0000-0000-000000000000'::uuid]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION sync_mark_conflicts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM sync_mark(ARRAY(
      SELECT c.owner_id FROM old_rows r JOIN customers c ON c.id = r.entity_id
      UNION SELECT lost_by_user_id FROM old_rows UNION SELECT kept_by_user_id FROM old_rows));
  ELSE
    PERFORM sync_mark(ARRAY(
      SELECT c.owner_id FROM new_rows r JOIN customers c ON c.id = r.entity_id
      UNION SELECT lost_by_user_id FROM new_rows UNION SELECT kept_by_user_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A person who changes team or role changes what their manager (and they) hold.
CREATE FUNCTION sync_mark_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sync_mark(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.team_id IS DISTINCT FROM o.team_id OR n.role IS DISTINCT FROM o.role));
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('customers', 'sync_mark_customers'),
    ('contacts', 'sync_mark_customer_rows'), ('consents', 'sync_mark_customer_rows'),
    ('notes', 'sync_mark_customer_rows'), ('orders', 'sync_mark_customer_rows'),
    ('appointments', 'sync_mark_customer_rows'), ('marketing_actions', 'sync_mark_customer_rows'),
    ('visits', 'sync_mark_customer_rows'), ('complaints', 'sync_mark_customer_rows'),
    ('complaint_events', 'sync_mark_customer_rows'), ('complaint_attachments', 'sync_mark_customer_rows'),
    ('campaign_tasks', 'sync_mark_customer_rows'),
    ('products', 'sync_mark_everyone'), ('price_lists', 'sync_mark_everyone'),
    ('prices', 'sync_mark_everyone'), ('playbooks', 'sync_mark_everyone'),
    ('conflicts', 'sync_mark_conflicts')
  ) AS v(tbl, fn) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_sync_mark_insert', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_sync_mark_update', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_sync_mark_delete', t.tbl, t.fn);
  END LOOP;
  CREATE TRIGGER users_sync_mark_update AFTER UPDATE ON users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sync_mark_users();
END $$;
