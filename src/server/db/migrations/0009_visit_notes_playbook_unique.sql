DROP INDEX "playbooks_version_idx";--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "playbooks_version_unique" ON "playbooks" USING btree ("version");