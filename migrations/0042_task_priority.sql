DROP INDEX `tasks_open_queue_idx`;--> statement-breakpoint
ALTER TABLE `tasks` ADD `priority` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_open_queue_idx` ON `tasks` (`assignee_id`,`kind`,`due_date`,"priority" desc) WHERE status IN ('open', 'in_progress');