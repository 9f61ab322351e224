-- Optimistic version check (issue 15): the records users edit through forms carry a version that
-- every change increments; a save naming an older version is refused (STALE_RECORD). ADD COLUMN with
-- a constant default only changes the schema (SQLite reads the default for old rows): no table
-- rewrite, so this is instant at 1,000,000 customers.
ALTER TABLE `customers` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `opportunities` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `version` integer DEFAULT 1 NOT NULL;