CREATE TABLE `dialer_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`task_id` integer NOT NULL,
	`queue` text NOT NULL,
	`customer_id` integer NOT NULL,
	`user_id` integer,
	`call_id` integer,
	`result` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dialer_attempts_task_idx` ON `dialer_attempts` (`source`,`task_id`,`at`);--> statement-breakpoint
CREATE INDEX `dialer_attempts_at_idx` ON `dialer_attempts` (`at`);--> statement-breakpoint
CREATE TABLE `dialer_claims` (
	`source` text NOT NULL,
	`task_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`session_hash` text NOT NULL,
	`queue` text NOT NULL,
	`customer_id` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`source`, `task_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dialer_claims_user_idx` ON `dialer_claims` (`user_id`);--> statement-breakpoint
CREATE INDEX `dialer_claims_session_idx` ON `dialer_claims` (`session_hash`);--> statement-breakpoint
CREATE TABLE `dialer_queues` (
	`queue` text PRIMARY KEY NOT NULL,
	`preview_seconds` integer,
	`max_attempts` integer NOT NULL,
	`retry_hours` integer NOT NULL,
	`wrap_up_seconds` integer,
	`script` text,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `solicitation_open_queue_idx` ON `solicitation_tasks` (`assignee_id`,`window_end`) WHERE status IN ('assigned', 'in_progress');--> statement-breakpoint
CREATE INDEX `tasks_open_queue_idx` ON `tasks` (`assignee_id`,`kind`,`due_date`) WHERE status IN ('open', 'in_progress');