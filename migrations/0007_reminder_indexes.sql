-- Reminder lists (issue 6) at 1,000,000 customers / 1.2M vehicles. 常规保养 counts its range in the
-- next-service index (last service date beside it: "not serviced in the last 10 days"); 专项保养 and
-- 流失预警 scan by last visit with plate and mileage in the index; the DND customers (~2 %) get a
-- partial index so each list counts the ones it leaves out from that side.
DROP INDEX `vehicles_next_service_idx`;--> statement-breakpoint
CREATE INDEX `vehicles_last_service_idx` ON `vehicles` (`last_service_date`,`plate`,`mileage`,`mileage_date`,`avg_km_per_day`);--> statement-breakpoint
CREATE INDEX `vehicles_next_service_idx` ON `vehicles` (`next_service_date`,`last_service_date`);--> statement-breakpoint
CREATE INDEX `customers_dnd_idx` ON `customers` (`birthday_md`) WHERE dnd_call = 1 or dnd_sms = 1;