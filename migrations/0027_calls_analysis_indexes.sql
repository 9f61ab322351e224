DROP INDEX `calls_started_idx`;--> statement-breakpoint
DROP INDEX `calls_customer_idx`;--> statement-breakpoint
CREATE INDEX `calls_started_idx` ON `calls` (`started_at`,`direction`,`answered_at`,`user_id`,`duration_s`,`outcome`,`customer_id`);--> statement-breakpoint
CREATE INDEX `calls_customer_idx` ON `calls` (`customer_id`,`started_at`);