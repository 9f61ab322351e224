CREATE INDEX `customers_owner_name_idx` ON `customers` (`owner_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `customers_owner_created_idx` ON `customers` (`owner_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_owner_city_name_idx` ON `customers` (`owner_id`,`city`,`name`,`id`);--> statement-breakpoint
-- New indexes without statistics mislead the planner at 1M rows (phone quick find took 50 s, a team grid page 30 s, until ANALYZE): gather them here.
ANALYZE `customers`;