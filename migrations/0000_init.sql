CREATE TABLE `role_permissions` (
	`role` text NOT NULL,
	`permission` text NOT NULL,
	PRIMARY KEY(`role`, `permission`),
	FOREIGN KEY (`role`) REFERENCES `roles`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`locked_at` integer,
	`client` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`manager_id` integer
);
--> statement-breakpoint
CREATE TABLE `user_permissions` (
	`user_id` integer NOT NULL,
	`permission` text NOT NULL,
	`granted` integer NOT NULL,
	PRIMARY KEY(`user_id`, `permission`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`team_id` integer,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`active` integer DEFAULT true NOT NULL,
	`phone` text,
	`extension` text,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`role`) REFERENCES `roles`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_team_idx` ON `users` (`team_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `dictionaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`label_zh` text NOT NULL,
	`label_en` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`extra` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dict_kind_code_uq` ON `dictionaries` (`kind`,`code`);--> statement-breakpoint
CREATE TABLE `grid_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`dataset` text NOT NULL,
	`name` text NOT NULL,
	`state` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`shared_with_role` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `grid_views_owner_idx` ON `grid_views` (`owner_id`,`dataset`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text,
	`ref_type` text,
	`ref_id` integer,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `churn_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`reason` text NOT NULL,
	`note` text,
	`user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `churn_customer_idx` ON `churn_records` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_phones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`raw` text NOT NULL,
	`normalized` text NOT NULL,
	`kind` text NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `phones_normalized_idx` ON `customer_phones` (`normalized`);--> statement-breakpoint
CREATE INDEX `phones_customer_idx` ON `customer_phones` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text DEFAULT 'individual' NOT NULL,
	`name` text NOT NULL,
	`gender` text DEFAULT 'other' NOT NULL,
	`id_number` text,
	`birthday` text,
	`birthday_md` text,
	`province` text,
	`city` text,
	`address` text,
	`email` text,
	`wechat` text,
	`source` text DEFAULT 'other' NOT NULL,
	`owner_id` integer,
	`dnd_call` integer DEFAULT false NOT NULL,
	`dnd_sms` integer DEFAULT false NOT NULL,
	`dnd_revisit` integer DEFAULT false NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customers_owner_idx` ON `customers` (`owner_id`,`id`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_city_idx` ON `customers` (`city`);--> statement-breakpoint
CREATE INDEX `customers_birthday_md_idx` ON `customers` (`birthday_md`);--> statement-breakpoint
CREATE INDEX `customers_created_idx` ON `customers` (`created_at`);--> statement-breakpoint
CREATE INDEX `customers_id_number_idx` ON `customers` (`id_number`);--> statement-breakpoint
CREATE TABLE `service_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vehicle_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`ro_number` text NOT NULL,
	`date` text NOT NULL,
	`type` text NOT NULL,
	`mileage` integer,
	`advisor_id` integer,
	`amount` real,
	`items` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`advisor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_visits_vehicle_idx` ON `service_visits` (`vehicle_id`,`date`);--> statement-breakpoint
CREATE INDEX `service_visits_date_idx` ON `service_visits` (`date`);--> statement-breakpoint
CREATE INDEX `service_visits_customer_idx` ON `service_visits` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `service_visits_ro_uq` ON `service_visits` (`ro_number`);--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`vin` text NOT NULL,
	`plate` text,
	`brand` text,
	`model` text NOT NULL,
	`colour` text,
	`purchase_date` text,
	`delivery_date` text,
	`mileage` integer,
	`mileage_date` text,
	`avg_km_per_day` real,
	`next_service_date` text,
	`last_service_date` text,
	`insurance_expiry` text,
	`membership_expiry` text,
	`inspection_expiry` text,
	`licence_expiry` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vehicles_vin_uq` ON `vehicles` (`vin`);--> statement-breakpoint
CREATE INDEX `vehicles_customer_idx` ON `vehicles` (`customer_id`);--> statement-breakpoint
CREATE INDEX `vehicles_plate_idx` ON `vehicles` (`plate`);--> statement-breakpoint
CREATE INDEX `vehicles_purchase_idx` ON `vehicles` (`purchase_date`);--> statement-breakpoint
CREATE INDEX `vehicles_delivery_idx` ON `vehicles` (`delivery_date`);--> statement-breakpoint
CREATE INDEX `vehicles_next_service_idx` ON `vehicles` (`next_service_date`);--> statement-breakpoint
CREATE INDEX `vehicles_insurance_idx` ON `vehicles` (`insurance_expiry`);--> statement-breakpoint
CREATE INDEX `vehicles_membership_idx` ON `vehicles` (`membership_expiry`);--> statement-breakpoint
CREATE INDEX `vehicles_inspection_idx` ON `vehicles` (`inspection_expiry`);--> statement-breakpoint
CREATE INDEX `vehicles_licence_idx` ON `vehicles` (`licence_expiry`);--> statement-breakpoint
CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`opportunity_id` integer,
	`owner_id` integer,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`planned_at` integer,
	`done_at` integer,
	`subject` text,
	`result` text,
	`next_step` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_owner_idx` ON `activities` (`owner_id`,`status`,`planned_at`);--> statement-breakpoint
CREATE INDEX `activities_opp_idx` ON `activities` (`opportunity_id`,`status`);--> statement-breakpoint
CREATE INDEX `activities_customer_idx` ON `activities` (`customer_id`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opportunity_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`vin` text NOT NULL,
	`model` text NOT NULL,
	`price` real NOT NULL,
	`delivery_date` text NOT NULL,
	`buyer_id_number` text NOT NULL,
	`consultant_id` integer,
	`dms_status` text DEFAULT 'pending' NOT NULL,
	`dms_attempts` integer DEFAULT 0 NOT NULL,
	`dms_last_error` text,
	`dms_exported_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deliveries_date_idx` ON `deliveries` (`delivery_date`);--> statement-breakpoint
CREATE INDEX `deliveries_dms_idx` ON `deliveries` (`dms_status`);--> statement-breakpoint
CREATE TABLE `manager_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer,
	`opportunity_id` integer,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `manager_comments_activity_idx` ON `manager_comments` (`activity_id`);--> statement-breakpoint
CREATE TABLE `opportunities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`consultant_id` integer,
	`source` text NOT NULL,
	`stage` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`model` text,
	`price` real,
	`expected_purchase_date` text,
	`abandon_reason` text,
	`competitor_brand` text,
	`last_stage_change_at` integer NOT NULL,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opps_consultant_idx` ON `opportunities` (`consultant_id`,`status`,`stage`);--> statement-breakpoint
CREATE INDEX `opps_customer_idx` ON `opportunities` (`customer_id`);--> statement-breakpoint
CREATE INDEX `opps_status_stage_idx` ON `opportunities` (`status`,`stage`);--> statement-breakpoint
CREATE INDEX `opps_created_idx` ON `opportunities` (`created_at`);--> statement-breakpoint
CREATE TABLE `plan_template_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`sort` integer NOT NULL,
	`type` text NOT NULL,
	`subject` text NOT NULL,
	`offset_days` integer NOT NULL,
	`stage` text,
	FOREIGN KEY (`template_id`) REFERENCES `plan_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `purchase_intents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`model` text NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`budget` real,
	`expected_date` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `intents_customer_idx` ON `purchase_intents` (`customer_id`);--> statement-breakpoint
CREATE TABLE `showroom_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer,
	`opportunity_id` integer,
	`name` text NOT NULL,
	`gender` text DEFAULT 'other' NOT NULL,
	`phone` text,
	`consultant_id` integer,
	`visit_date` text NOT NULL,
	`visit_at` integer,
	`first_visit` integer DEFAULT false NOT NULL,
	`visit_mode` integer NOT NULL,
	`test_drive` integer DEFAULT false NOT NULL,
	`test_drive_model` text,
	`ordered` integer DEFAULT false NOT NULL,
	`delivered` integer DEFAULT false NOT NULL,
	`interested_model` text,
	`competitor_brand` text,
	`expected_purchase_date` text,
	`late` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `showroom_visits_date_idx` ON `showroom_visits` (`visit_date`);--> statement-breakpoint
CREATE INDEX `showroom_visits_consultant_idx` ON `showroom_visits` (`consultant_id`,`visit_date`);--> statement-breakpoint
CREATE INDEX `showroom_visits_customer_idx` ON `showroom_visits` (`customer_id`);--> statement-breakpoint
CREATE TABLE `stage_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opportunity_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`reason` text,
	`user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stage_history_opp_idx` ON `stage_history` (`opportunity_id`,`at`);--> statement-breakpoint
CREATE TABLE `test_drive_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vehicle_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`opportunity_id` integer,
	`consultant_id` integer,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`vehicle_id`) REFERENCES `test_drive_vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `test_drive_vehicle_time_idx` ON `test_drive_bookings` (`vehicle_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `test_drive_vehicles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model` text NOT NULL,
	`plate` text,
	`vin` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `walk_in_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_date` text NOT NULL,
	`model` text NOT NULL,
	`count` integer NOT NULL,
	`consultant_id` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `walk_in_date_idx` ON `walk_in_batches` (`visit_date`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`advisor_id` integer,
	`date` text NOT NULL,
	`slot` text NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`proactive` integer DEFAULT false NOT NULL,
	`task_id` integer,
	`notes` text,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`advisor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_slot_idx` ON `appointments` (`date`,`slot`);--> statement-breakpoint
CREATE INDEX `appointments_customer_idx` ON `appointments` (`customer_id`);--> statement-breakpoint
CREATE TABLE `complaint_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`action` text NOT NULL,
	`note` text,
	`user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_history_idx` ON `complaint_history` (`complaint_id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`category` text NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`description` text NOT NULL,
	`assignee_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`result` text,
	`closed_at` integer,
	`closed_by` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaints_status_idx` ON `complaints` (`status`);--> statement-breakpoint
CREATE INDEX `complaints_customer_idx` ON `complaints` (`customer_id`);--> statement-breakpoint
CREATE TABLE `revisit_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`revisit_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`option_index` integer,
	`score` real,
	`text` text,
	FOREIGN KEY (`revisit_id`) REFERENCES `revisits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `revisit_questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revisit_answers_revisit_idx` ON `revisit_answers` (`revisit_id`);--> statement-breakpoint
CREATE TABLE `revisit_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`sort` integer NOT NULL,
	`text` text NOT NULL,
	`required` integer DEFAULT true NOT NULL,
	`options` text NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `revisit_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `revisit_questions_tpl_idx` ON `revisit_questions` (`template_id`,`sort`);--> statement-breakpoint
CREATE TABLE `revisit_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `revisits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`delivery_id` integer,
	`service_visit_id` integer,
	`template_id` integer,
	`agent_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`result` text,
	`score` real,
	`needs_revisit_again` integer DEFAULT false NOT NULL,
	`dissatisfaction_reasons` text,
	`notes` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`call_id` integer,
	`due_date` text,
	`done_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_visit_id`) REFERENCES `service_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `revisit_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revisits_customer_idx` ON `revisits` (`customer_id`);--> statement-breakpoint
CREATE INDEX `revisits_status_idx` ON `revisits` (`kind`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `revisits_again_idx` ON `revisits` (`needs_revisit_again`);--> statement-breakpoint
CREATE TABLE `satisfaction_surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`score` real NOT NULL,
	`dissatisfied` integer DEFAULT false NOT NULL,
	`survey_date` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `surveys_customer_idx` ON `satisfaction_surveys` (`customer_id`);--> statement-breakpoint
CREATE TABLE `solicitation_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`natural_key` text NOT NULL,
	`kind` text NOT NULL,
	`campaign` text,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`window_start` text NOT NULL,
	`window_end` text NOT NULL,
	`status` text DEFAULT 'unassigned' NOT NULL,
	`assignee_id` integer,
	`fail_reason` text,
	`success_visit_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`success_visit_id`) REFERENCES `service_visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `solicitation_natural_key_uq` ON `solicitation_tasks` (`natural_key`);--> statement-breakpoint
CREATE INDEX `solicitation_status_idx` ON `solicitation_tasks` (`status`,`window_start`);--> statement-breakpoint
CREATE INDEX `solicitation_assignee_idx` ON `solicitation_tasks` (`assignee_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`natural_key` text NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`assignee_id` integer,
	`reason` text,
	`ref_type` text,
	`ref_id` integer,
	`result` text,
	`notes` text,
	`job_run_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_natural_key_uq` ON `tasks` (`natural_key`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_idx` ON `tasks` (`assignee_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `tasks_kind_due_idx` ON `tasks` (`kind`,`due_date`);--> statement-breakpoint
CREATE INDEX `tasks_customer_idx` ON `tasks` (`customer_id`);--> statement-breakpoint
CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`from_number` text,
	`to_number` text,
	`extension` text,
	`user_id` integer,
	`customer_id` integer,
	`task_id` integer,
	`sip_call_id` text,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`ended_at` integer,
	`duration_s` integer,
	`outcome` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calls_started_idx` ON `calls` (`started_at`);--> statement-breakpoint
CREATE INDEX `calls_customer_idx` ON `calls` (`customer_id`);--> statement-breakpoint
CREATE INDEX `calls_extension_idx` ON `calls` (`extension`,`started_at`);--> statement-breakpoint
CREATE TABLE `recordings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` integer NOT NULL,
	`customer_id` integer,
	`path` text NOT NULL,
	`mime` text NOT NULL,
	`size_bytes` integer DEFAULT 0 NOT NULL,
	`duration_ms` integer,
	`complete` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recordings_call_idx` ON `recordings` (`call_id`);--> statement-breakpoint
CREATE INDEX `recordings_created_idx` ON `recordings` (`created_at`);--> statement-breakpoint
CREATE TABLE `softphone_settings` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`ws_url` text NOT NULL,
	`extension` text NOT NULL,
	`auth_user` text NOT NULL,
	`password_enc` text,
	`display_name` text,
	`auto_answer` integer DEFAULT false NOT NULL,
	`pop_on` text DEFAULT 'answer' NOT NULL,
	`recording_policy` text DEFAULT 'all' NOT NULL,
	`outside_prefix` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sms_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_by` integer,
	`template_id` integer,
	`body` text NOT NULL,
	`channel` text NOT NULL,
	`scheduled_at` integer,
	`status` text NOT NULL,
	`left_out_dnd` integer DEFAULT 0 NOT NULL,
	`left_out_duplicate` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `sms_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_batches_status_idx` ON `sms_batches` (`status`,`scheduled_at`);--> statement-breakpoint
CREATE TABLE `sms_inbound` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`text` text NOT NULL,
	`customer_id` integer,
	`opt_out` integer DEFAULT false NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_inbound_number_idx` ON `sms_inbound` (`number`);--> statement-breakpoint
CREATE TABLE `sms_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer,
	`customer_id` integer,
	`number` text NOT NULL,
	`text` text NOT NULL,
	`parts` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`message_id` text,
	`submitted_at` integer,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `sms_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_messages_batch_idx` ON `sms_messages` (`batch_id`,`status`);--> statement-breakpoint
CREATE INDEX `sms_messages_customer_idx` ON `sms_messages` (`customer_id`);--> statement-breakpoint
CREATE INDEX `sms_messages_message_id_idx` ON `sms_messages` (`message_id`);--> statement-breakpoint
CREATE TABLE `sms_opt_outs` (
	`number` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sms_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`body` text NOT NULL,
	`category` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`planned_for` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`status` text NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`skipped_reasons` text,
	`error` text,
	`runner` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_runs_job_planned_uq` ON `job_runs` (`job`,`planned_for`);--> statement-breakpoint
CREATE INDEX `job_runs_started_idx` ON `job_runs` (`started_at`);--> statement-breakpoint
CREATE TABLE `job_schedules` (
	`job` text PRIMARY KEY NOT NULL,
	`cron` text NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scheduler_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
