-- The team review's reads, index only (INCLUDE is added by hand: Drizzle cannot declare it): the live customers' reps; a window of every customer's purchases by instant (decision 0018); a period's live visits.
CREATE INDEX "customers_live_owner_idx" ON "customers" USING btree ("owner_id","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "order_facts_at_idx" ON "order_facts" USING btree ("ordered_at") INCLUDE ("customer_id","total_excl_cents","gap_days");--> statement-breakpoint
CREATE INDEX "visits_live_at_idx" ON "visits" USING btree ("at") INCLUDE ("rep_id","channel","outcome") WHERE deleted_at is null;
