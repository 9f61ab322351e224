CREATE TABLE `customer_merges` (
	`merged_id` integer PRIMARY KEY NOT NULL,
	`kept_id` integer NOT NULL,
	`merged_at` integer NOT NULL,
	`merged_by` integer,
	`snapshot` text,
	FOREIGN KEY (`kept_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_merges_kept_idx` ON `customer_merges` (`kept_id`);--> statement-breakpoint
CREATE TABLE `duplicate_dismissals` (
	`rule` text NOT NULL,
	`key` text NOT NULL,
	`members` text NOT NULL,
	`dismissed_at` integer NOT NULL,
	`dismissed_by` integer,
	PRIMARY KEY(`rule`, `key`, `members`),
	FOREIGN KEY (`dismissed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `duplicate_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule` text NOT NULL,
	`key` text NOT NULL,
	`size` integer NOT NULL,
	`found_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `duplicate_groups_rule_idx` ON `duplicate_groups` (`rule`,`id`);--> statement-breakpoint
CREATE TABLE `duplicate_members` (
	`group_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `customer_id`),
	FOREIGN KEY (`group_id`) REFERENCES `duplicate_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `duplicate_members_customer_idx` ON `duplicate_members` (`customer_id`);