-- Issue 15, seats bench at 1M: a manager's group-by in scope team read a table row per customer to
-- check its owner (2–8 s, every other seat's call waiting behind it). owner_id appended to the two
-- grouping indexes keeps those counts covered in scope mine / team (~0.1 s). customers_city_idx is
-- a prefix of customers_city_name_idx and goes. Statistics for the rebuilt indexes only (without
-- them the planner misread 0016's new indexes, see 0017); analysing one index is cheap at 1M.
DROP INDEX `customers_city_idx`;--> statement-breakpoint
DROP INDEX `customers_source_gender_idx`;--> statement-breakpoint
DROP INDEX `customers_city_name_idx`;--> statement-breakpoint
CREATE INDEX `customers_source_gender_idx` ON `customers` (`source`,`gender`,`owner_id`);--> statement-breakpoint
CREATE INDEX `customers_city_name_idx` ON `customers` (`city`,`name`,`owner_id`);--> statement-breakpoint
ANALYZE `customers_source_gender_idx`;--> statement-breakpoint
ANALYZE `customers_city_name_idx`;
