CREATE TABLE `sms_channels` (
	`kind` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`config` text NOT NULL,
	`password_enc` text,
	`rate_per_second` real NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sms_parts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`part_no` integer NOT NULL,
	`gateway_id` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `sms_messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sms_parts_gateway_idx` ON `sms_parts` (`gateway_id`);--> statement-breakpoint
CREATE INDEX `sms_parts_message_idx` ON `sms_parts` (`message_id`);--> statement-breakpoint
ALTER TABLE `sms_batches` ADD `left_out_opt_out` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sms_batches` ADD `left_out_no_mobile` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sms_batches` ADD `started_at` integer;--> statement-breakpoint
ALTER TABLE `sms_batches` ADD `finished_at` integer;