CREATE INDEX `customers_owner_name_idx` ON `customers` (`owner_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `customers_owner_created_idx` ON `customers` (`owner_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_owner_city_name_idx` ON `customers` (`owner_id`,`city`,`name`,`id`);