ALTER TABLE `customers` ADD `consent_status` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `consent_date` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `consent_method` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `consent_withdrawn_date` text;--> statement-breakpoint
ALTER TABLE `sms_batches` ADD `purpose` text DEFAULT 'service' NOT NULL;--> statement-breakpoint
ALTER TABLE `sms_batches` ADD `left_out_no_consent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sms_templates` ADD `purpose` text DEFAULT 'marketing' NOT NULL;