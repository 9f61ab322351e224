-- Lists group and filter customers by model (车型) and by province (issue 4). The model is that of
-- the customer's first vehicle (lowest vehicles.id); reading it through vehicles per row took ~4 s
-- at 1,000,000 customers, so customers carries a copy, kept by the triggers below in the same
-- transaction as the vehicle change, and both columns get an index.
ALTER TABLE `customers` ADD `primary_model` text;--> statement-breakpoint
UPDATE `customers` SET `primary_model` = (SELECT v.model FROM vehicles v WHERE v.customer_id = customers.id ORDER BY v.id LIMIT 1);--> statement-breakpoint
CREATE INDEX `customers_primary_model_idx` ON `customers` (`primary_model`);--> statement-breakpoint
CREATE INDEX `customers_province_idx` ON `customers` (`province`);--> statement-breakpoint
CREATE TRIGGER `customers_primary_model_vehicle_ai` AFTER INSERT ON `vehicles` BEGIN
  UPDATE customers SET primary_model = (SELECT v.model FROM vehicles v WHERE v.customer_id = new.customer_id ORDER BY v.id LIMIT 1)
  WHERE id = new.customer_id;
END;--> statement-breakpoint
CREATE TRIGGER `customers_primary_model_vehicle_au` AFTER UPDATE OF model, customer_id ON `vehicles` BEGIN
  UPDATE customers SET primary_model = (SELECT v.model FROM vehicles v WHERE v.customer_id = old.customer_id ORDER BY v.id LIMIT 1)
  WHERE id = old.customer_id;
  UPDATE customers SET primary_model = (SELECT v.model FROM vehicles v WHERE v.customer_id = new.customer_id ORDER BY v.id LIMIT 1)
  WHERE id = new.customer_id;
END;--> statement-breakpoint
CREATE TRIGGER `customers_primary_model_vehicle_ad` AFTER DELETE ON `vehicles` BEGIN
  UPDATE customers SET primary_model = (SELECT v.model FROM vehicles v WHERE v.customer_id = old.customer_id ORDER BY v.id LIMIT 1)
  WHERE id = old.customer_id;
END;
