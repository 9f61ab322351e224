CREATE TABLE `task_escalations` (
	`task_id` integer PRIMARY KEY NOT NULL,
	`escalated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `job_runs` ADD `attempts` integer DEFAULT 1 NOT NULL;