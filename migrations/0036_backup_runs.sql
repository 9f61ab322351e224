CREATE TABLE `backup_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`folder` text NOT NULL,
	`file_name` text,
	`size` integer,
	`ms` integer,
	`counts` text,
	`recordings_copied` integer,
	`error` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`started_by` integer,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `backup_runs_started_idx` ON `backup_runs` (`started_at`);