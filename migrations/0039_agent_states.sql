CREATE TABLE `agent_state_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agent_state_log_user_idx` ON `agent_state_log` (`user_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `agent_state_log_started_idx` ON `agent_state_log` (`started_at`);--> statement-breakpoint
CREATE INDEX `agent_state_log_open_idx` ON `agent_state_log` (`user_id`) WHERE ended_at IS NULL;--> statement-breakpoint
CREATE TABLE `agent_states` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`since` integer NOT NULL,
	`wrap_up_until` integer,
	`before_lock` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
