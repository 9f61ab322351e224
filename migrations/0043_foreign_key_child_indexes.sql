CREATE INDEX `manager_comments_opportunity_idx` ON `manager_comments` (`opportunity_id`);--> statement-breakpoint
CREATE INDEX `intents_opportunity_idx` ON `purchase_intents` (`opportunity_id`);--> statement-breakpoint
CREATE INDEX `test_drive_bookings_opportunity_idx` ON `test_drive_bookings` (`opportunity_id`);--> statement-breakpoint
CREATE INDEX `revisit_answers_question_idx` ON `revisit_answers` (`question_id`);--> statement-breakpoint
CREATE INDEX `solicitation_success_visit_idx` ON `solicitation_tasks` (`success_visit_id`) WHERE success_visit_id IS NOT NULL;