CREATE INDEX `phones_landline_idx` ON `customer_phones` (`customer_id`,"is_primary" desc,`id`,`normalized`) WHERE kind = 'landline';--> statement-breakpoint
-- Statistics for the new index: without them the planner keeps using phones_customer_idx and a temp sort per visit.
ANALYZE `customer_phones`;