ALTER TABLE `purchase_intents` ADD `opportunity_id` integer REFERENCES opportunities(id);--> statement-breakpoint
CREATE INDEX `activities_status_planned_idx` ON `activities` (`status`,`planned_at`);--> statement-breakpoint
CREATE INDEX `deliveries_opp_idx` ON `deliveries` (`opportunity_id`);--> statement-breakpoint
CREATE INDEX `deliveries_customer_idx` ON `deliveries` (`customer_id`);--> statement-breakpoint
CREATE INDEX `deliveries_vin_idx` ON `deliveries` (`vin`);--> statement-breakpoint
CREATE INDEX `opps_expected_idx` ON `opportunities` (`status`,`expected_purchase_date`);--> statement-breakpoint
CREATE INDEX `showroom_visits_opp_idx` ON `showroom_visits` (`opportunity_id`);