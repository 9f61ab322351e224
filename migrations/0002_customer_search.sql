-- Customer quick find (issue 4): one FTS5 row per customer (rowid = customers.id) with the name,
-- the normalised phone numbers, plates and VINs, tokenised as trigrams so any fragment of 3+
-- characters matches (shorter input uses the ordinary indexes). Triggers keep it in step with
-- customers, customer_phones and vehicles in the same transaction as the change.
CREATE VIRTUAL TABLE `customer_search` USING fts5(name, phones, plates, vins, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `customer_search_ai` AFTER INSERT ON `customers` BEGIN
  INSERT INTO customer_search(rowid, name, phones, plates, vins) VALUES (new.id, new.name, '', '', '');
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_au` AFTER UPDATE OF name ON `customers` BEGIN
  UPDATE customer_search SET name = new.name WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_ad` AFTER DELETE ON `customers` BEGIN
  DELETE FROM customer_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_phone_ai` AFTER INSERT ON `customer_phones` BEGIN
  UPDATE customer_search SET phones = (SELECT coalesce(group_concat(normalized, ' '), '') FROM customer_phones WHERE customer_id = new.customer_id)
  WHERE rowid = new.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_phone_au` AFTER UPDATE OF normalized, customer_id ON `customer_phones` BEGIN
  UPDATE customer_search SET phones = (SELECT coalesce(group_concat(normalized, ' '), '') FROM customer_phones WHERE customer_id = old.customer_id)
  WHERE rowid = old.customer_id;
  UPDATE customer_search SET phones = (SELECT coalesce(group_concat(normalized, ' '), '') FROM customer_phones WHERE customer_id = new.customer_id)
  WHERE rowid = new.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_phone_ad` AFTER DELETE ON `customer_phones` BEGIN
  UPDATE customer_search SET phones = (SELECT coalesce(group_concat(normalized, ' '), '') FROM customer_phones WHERE customer_id = old.customer_id)
  WHERE rowid = old.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_vehicle_ai` AFTER INSERT ON `vehicles` BEGIN
  UPDATE customer_search SET
    plates = (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = new.customer_id AND plate IS NOT NULL),
    vins = (SELECT coalesce(group_concat(vin, ' '), '') FROM vehicles WHERE customer_id = new.customer_id)
  WHERE rowid = new.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_vehicle_au` AFTER UPDATE OF plate, vin, customer_id ON `vehicles` BEGIN
  UPDATE customer_search SET
    plates = (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = old.customer_id AND plate IS NOT NULL),
    vins = (SELECT coalesce(group_concat(vin, ' '), '') FROM vehicles WHERE customer_id = old.customer_id)
  WHERE rowid = old.customer_id;
  UPDATE customer_search SET
    plates = (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = new.customer_id AND plate IS NOT NULL),
    vins = (SELECT coalesce(group_concat(vin, ' '), '') FROM vehicles WHERE customer_id = new.customer_id)
  WHERE rowid = new.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_vehicle_ad` AFTER DELETE ON `vehicles` BEGIN
  UPDATE customer_search SET
    plates = (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = old.customer_id AND plate IS NOT NULL),
    vins = (SELECT coalesce(group_concat(vin, ' '), '') FROM vehicles WHERE customer_id = old.customer_id)
  WHERE rowid = old.customer_id;
END;
--> statement-breakpoint
-- Existing customers (a database created before this migration).
INSERT INTO customer_search(rowid, name, phones, plates, vins)
SELECT c.id, c.name,
  coalesce((SELECT group_concat(p.normalized, ' ') FROM customer_phones p WHERE p.customer_id = c.id), ''),
  coalesce((SELECT group_concat(v.plate, ' ') FROM vehicles v WHERE v.customer_id = c.id AND v.plate IS NOT NULL), ''),
  coalesce((SELECT group_concat(v.vin, ' ') FROM vehicles v WHERE v.customer_id = c.id), '')
FROM customers c;
