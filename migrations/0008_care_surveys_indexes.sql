ALTER TABLE `satisfaction_surveys` ADD `comment` text;--> statement-breakpoint
ALTER TABLE `satisfaction_surveys` ADD `natural_key` text;--> statement-breakpoint
ALTER TABLE `satisfaction_surveys` ADD `source` text;--> statement-breakpoint
ALTER TABLE `satisfaction_surveys` ADD `created_by` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_natural_key_uq` ON `satisfaction_surveys` (`natural_key`);--> statement-breakpoint
CREATE INDEX `surveys_date_idx` ON `satisfaction_surveys` (`survey_date`);--> statement-breakpoint
CREATE INDEX `appointments_advisor_idx` ON `appointments` (`advisor_id`,`date`);--> statement-breakpoint
CREATE INDEX `solicitation_kind_created_idx` ON `solicitation_tasks` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `solicitation_customer_idx` ON `solicitation_tasks` (`customer_id`);