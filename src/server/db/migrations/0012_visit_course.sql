ALTER TABLE "visits" ADD COLUMN "reached_step" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "closing_id" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "closing_name" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "families" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "visits_rep_at_idx" ON "visits" USING btree ("rep_id","at");