-- The orders that count as purchases, for index-only reads by RFM and the team figures (INCLUDE is added by hand: Drizzle cannot declare it).
CREATE INDEX "orders_counted_customer_idx" ON "orders" USING btree ("customer_id","ordered_at") INCLUDE ("total_excl_cents") WHERE deleted_at is null and status not in ('cancelled', 'draft');--> statement-breakpoint
CREATE INDEX "orders_counted_at_idx" ON "orders" USING btree ("ordered_at") INCLUDE ("customer_id","rep_id","total_excl_cents") WHERE deleted_at is null and status not in ('cancelled', 'draft');
