ALTER TABLE `sms_messages` ADD `concat_ref` integer;--> statement-breakpoint
ALTER TABLE `sms_messages` ADD `parts_digest` text;