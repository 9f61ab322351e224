ALTER TABLE `customers` ADD `occupation` text;--> statement-breakpoint
CREATE INDEX `customers_occupation_idx` ON `customers` (`occupation`,`owner_id`);