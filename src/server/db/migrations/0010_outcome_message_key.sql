ALTER TABLE "mutation_outcomes" ADD COLUMN "message_key" text;--> statement-breakpoint
ALTER TABLE "mutation_outcomes" ADD COLUMN "message_params" jsonb;