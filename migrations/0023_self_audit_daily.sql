CREATE TABLE `self_audit_daily` (
	`day` text NOT NULL,
	`code` text NOT NULL,
	`status` text NOT NULL,
	`figure` real,
	`numerator` integer NOT NULL,
	`denominator` integer NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`day`, `code`)
);
