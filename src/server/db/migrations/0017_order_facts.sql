CREATE TABLE "order_facts" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"total_excl_cents" bigint NOT NULL,
	"gap_days" double precision
);
--> statement-breakpoint
-- Each customer's purchases in order, for index-only reads by RFM (INCLUDE is added by hand: Drizzle cannot declare it).
CREATE INDEX "order_facts_customer_idx" ON "order_facts" USING btree ("customer_id","ordered_at") INCLUDE ("total_excl_cents","gap_days");
--> statement-breakpoint
-- Rewrites the facts of each given customer from the given instant on, from their orders: the
-- counted ones (not deleted, not cancelled, not drafts), each with the days since the customer's
-- previous one (the last counted order before that instant starts the count). Only the tail
-- that may have changed is rewritten: an order added after the others rewrites one fact. The
-- customers' rows are locked first (in id order), so two transactions refreshing one customer
-- take turns, and the second reads what the first committed.
CREATE FUNCTION order_facts_refresh(touched uuid[], since timestamptz[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF touched IS NULL OR cardinality(touched) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM customers WHERE id = ANY (touched) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM order_facts AS f USING unnest(touched, since) AS t (customer_id, since)
    WHERE f.customer_id = t.customer_id AND f.ordered_at >= t.since;
  -- Customer by customer through the counted orders' (customer, instant) index (OFFSET 0 keeps
  -- the planner from turning it into a scan of every order, as it may while a bulk load has
  -- left it no statistics).
  INSERT INTO order_facts (order_id, customer_id, ordered_at, total_excl_cents, gap_days)
    SELECT o.id, t.customer_id, o.ordered_at, o.total_excl_cents, o.gap_days
    FROM unnest(touched, since) AS t (customer_id, since)
    CROSS JOIN LATERAL (
      SELECT id, ordered_at, total_excl_cents,
        date_part('epoch', ordered_at - lag(ordered_at) OVER (ORDER BY ordered_at, id)) / 86400 AS gap_days
      FROM (
        (SELECT id, ordered_at, total_excl_cents FROM orders
          WHERE orders.customer_id = t.customer_id AND deleted_at IS NULL AND status NOT IN ('cancelled', 'draft')
            AND ordered_at < t.since
          ORDER BY ordered_at DESC, id DESC LIMIT 1)
        UNION ALL
        (SELECT id, ordered_at, total_excl_cents FROM orders
          WHERE orders.customer_id = t.customer_id AND deleted_at IS NULL AND status NOT IN ('cancelled', 'draft')
            AND ordered_at >= t.since
          OFFSET 0)
      ) AS tail
    ) AS o
    WHERE o.ordered_at >= t.since;
END
$$;
--> statement-breakpoint
-- The earliest instant each customer's facts may have changed from, as two arrays.
CREATE FUNCTION order_facts_refresh_from(changes jsonb) RETURNS void LANGUAGE sql AS $$
  SELECT order_facts_refresh(array_agg(customer_id ORDER BY customer_id), array_agg(since ORDER BY customer_id))
  FROM (
    SELECT (c ->> 'customer_id')::uuid AS customer_id, min((c ->> 'at')::timestamptz) AS since
    FROM jsonb_array_elements(changes) AS c GROUP BY 1
  ) AS earliest;
$$;
--> statement-breakpoint
CREATE FUNCTION order_facts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM order_facts_refresh_from(coalesce((
    SELECT jsonb_agg(jsonb_build_object('customer_id', customer_id, 'at', ordered_at)) FROM inserted_orders
    WHERE deleted_at IS NULL AND status NOT IN ('cancelled', 'draft')), '[]'));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Only what a fact depends on: an order's customer, instant, status, tombstone and total. Both
-- the order's old customer and instant and its new ones may change facts.
CREATE FUNCTION order_facts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM order_facts_refresh_from(coalesce((
    SELECT jsonb_agg(jsonb_build_object('customer_id', side.customer_id, 'at', side.at))
    FROM updated_orders n JOIN previous_orders o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (n.customer_id, n.ordered_at), (o.customer_id, o.ordered_at)) AS side (customer_id, at)
    WHERE (n.customer_id, n.ordered_at, n.status, n.deleted_at, n.total_excl_cents)
      IS DISTINCT FROM (o.customer_id, o.ordered_at, o.status, o.deleted_at, o.total_excl_cents)), '[]'));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION order_facts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM order_facts_refresh_from(coalesce((
    SELECT jsonb_agg(jsonb_build_object('customer_id', customer_id, 'at', ordered_at)) FROM deleted_orders), '[]'));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER order_facts_insert AFTER INSERT ON orders
  REFERENCING NEW TABLE AS inserted_orders FOR EACH STATEMENT EXECUTE FUNCTION order_facts_after_insert();
--> statement-breakpoint
CREATE TRIGGER order_facts_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS previous_orders NEW TABLE AS updated_orders
  FOR EACH STATEMENT EXECUTE FUNCTION order_facts_after_update();
--> statement-breakpoint
CREATE TRIGGER order_facts_delete AFTER DELETE ON orders
  REFERENCING OLD TABLE AS deleted_orders FOR EACH STATEMENT EXECUTE FUNCTION order_facts_after_delete();
--> statement-breakpoint
-- The orders already there.
INSERT INTO order_facts (order_id, customer_id, ordered_at, total_excl_cents, gap_days)
  SELECT id, customer_id, ordered_at, total_excl_cents,
    date_part('epoch', ordered_at - lag(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at, id)) / 86400
  FROM orders
  WHERE deleted_at IS NULL AND status NOT IN ('cancelled', 'draft');
