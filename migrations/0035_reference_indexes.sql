CREATE INDEX `churn_records_vehicle_idx` ON `churn_records` (`vehicle_id`) WHERE vehicle_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `deliveries_vehicle_idx` ON `deliveries` (`vehicle_id`) WHERE vehicle_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `test_drive_bookings_customer_idx` ON `test_drive_bookings` (`customer_id`) WHERE customer_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `appointments_vehicle_idx` ON `appointments` (`vehicle_id`) WHERE vehicle_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_vehicle_idx` ON `complaints` (`vehicle_id`) WHERE vehicle_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `revisits_vehicle_idx` ON `revisits` (`vehicle_id`) WHERE vehicle_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `satisfaction_surveys_vehicle_idx` ON `satisfaction_surveys` (`vehicle_id`) WHERE vehicle_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `solicitation_tasks_vehicle_idx` ON `solicitation_tasks` (`vehicle_id`) WHERE vehicle_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_vehicle_idx` ON `tasks` (`vehicle_id`) WHERE vehicle_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `recordings_customer_idx` ON `recordings` (`customer_id`) WHERE customer_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `sms_inbound_customer_idx` ON `sms_inbound` (`customer_id`) WHERE customer_id IS NOT NULL;