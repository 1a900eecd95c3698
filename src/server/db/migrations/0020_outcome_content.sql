ALTER TABLE "mutation_outcomes" ADD COLUMN "args" jsonb;--> statement-breakpoint
ALTER TABLE "mutation_outcomes" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "mutation_outcomes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "mutation_outcomes" ADD COLUMN "handled_action" text;--> statement-breakpoint
ALTER TABLE "mutation_outcomes" ADD COLUMN "handled_by" uuid;--> statement-breakpoint
ALTER TABLE "mutation_outcomes" ADD COLUMN "handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mutation_outcomes" ADD COLUMN "handled_reason" text;--> statement-breakpoint
ALTER TABLE "mutation_outcomes" ADD CONSTRAINT "mutation_outcomes_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;