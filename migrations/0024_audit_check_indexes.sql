DROP INDEX `service_visits_date_idx`;--> statement-breakpoint
CREATE INDEX `service_visits_date_idx` ON `service_visits` (`date`,`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_export_at_idx` ON `audit_log` (`at`) WHERE action = 'export';--> statement-breakpoint
CREATE INDEX `customers_dnd_revisit_idx` ON `customers` (`id`) WHERE dnd_revisit = 1;--> statement-breakpoint
CREATE INDEX `opps_status_closed_idx` ON `opportunities` (`status`,`closed_at`);--> statement-breakpoint
CREATE INDEX `revisits_delivery_idx` ON `revisits` (`delivery_id`,`kind`,`done_at`) WHERE delivery_id is not null;--> statement-breakpoint
CREATE INDEX `revisits_service_visit_idx` ON `revisits` (`service_visit_id`,`kind`,`done_at`) WHERE service_visit_id is not null;