DROP INDEX `activities_owner_idx`;--> statement-breakpoint
CREATE INDEX `activities_owner_idx` ON `activities` (`owner_id`,`status`,`planned_at`,`done_at`);--> statement-breakpoint
DROP INDEX `opps_expected_idx`;--> statement-breakpoint
CREATE INDEX `opps_expected_idx` ON `opportunities` (`status`,`expected_purchase_date`,`stage`,`consultant_id`);--> statement-breakpoint
-- Statistics for the rebuilt indexes (dropping an index drops its sqlite_stat1 row).
ANALYZE `activities`;--> statement-breakpoint
ANALYZE `opportunities`;