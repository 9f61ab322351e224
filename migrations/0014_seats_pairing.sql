CREATE TABLE `pairing_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_hash` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`seat_id` integer,
	`wrong_tries` integer DEFAULT 0 NOT NULL,
	`voided_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`seat_id`) REFERENCES `seats`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pairing_codes_open_idx` ON `pairing_codes` (`used_at`,`voided_at`,`expires_at`);--> statement-breakpoint
CREATE TABLE `seats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`paired_at` integer NOT NULL,
	`paired_by` integer,
	`last_seen_at` integer,
	`last_address` text,
	`last_user_id` integer,
	`revoked_at` integer,
	`revoked_by` integer,
	FOREIGN KEY (`paired_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`last_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seats_token_hash_uq` ON `seats` (`token_hash`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `seat_id` integer;--> statement-breakpoint
CREATE INDEX `sessions_seat_idx` ON `sessions` (`seat_id`);