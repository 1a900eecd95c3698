ALTER TABLE "sync_clients" ADD COLUMN "pull_cursor_version" integer;--> statement-breakpoint
ALTER TABLE "sync_clients" ADD COLUMN "pull_cursor_entity" text;--> statement-breakpoint
ALTER TABLE "sync_clients" ADD COLUMN "pull_cursor_row_id" uuid;