-- Customer quick find, second version of the FTS5 index (docs/customer-search.md). Same columns and
-- rowid (= customers.id) as 0002, smaller, so the 1M-customer seed builds it in ~12 s instead of ~40 s:
-- - detail=column: no token positions, only which column holds a trigram. Quick find never sends
--   FTS5 query syntax; it asks `col LIKE '%fragment%'`, which FTS5 answers from that column's
--   trigrams (all of them present) and SQLite re-checks on the row, so results stay exact without
--   positions. (detail=none builds as fast but cannot tell columns apart: '1380' in VINs then
--   re-checks every row whose phone has 138 and 380, ~10 ms at 1M.)
-- - phones in national form as people type them (13800138000, 075588881234) instead of 86…, which
--   also drops two useless trigrams per number;
-- - only the last 8 characters of each VIN (model year, plant, serial: what people quote, e.g. the
--   last 6); a VIN typed from its start is found through vehicles_vin_uq instead.
-- The 9 triggers keep their names (the seeder drops and restores them by the prefix).
DROP TRIGGER IF EXISTS `customer_search_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_search_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_search_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_search_phone_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_search_phone_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_search_phone_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_search_vehicle_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_search_vehicle_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_search_vehicle_ad`;
--> statement-breakpoint
DROP TABLE IF EXISTS `customer_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `customer_search` USING fts5(name, phones, plates, vins, tokenize = 'trigram', detail = column);
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
  UPDATE customer_search SET phones = (SELECT coalesce(group_concat(CASE WHEN normalized LIKE '86%' THEN (CASE WHEN kind = 'landline' THEN '0' ELSE '' END) || substr(normalized, 3) ELSE normalized END, ' '), '') FROM customer_phones WHERE customer_id = new.customer_id) WHERE rowid = new.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_phone_au` AFTER UPDATE OF normalized, kind, customer_id ON `customer_phones` BEGIN
  UPDATE customer_search SET phones = (SELECT coalesce(group_concat(CASE WHEN normalized LIKE '86%' THEN (CASE WHEN kind = 'landline' THEN '0' ELSE '' END) || substr(normalized, 3) ELSE normalized END, ' '), '') FROM customer_phones WHERE customer_id = old.customer_id) WHERE rowid = old.customer_id;
  UPDATE customer_search SET phones = (SELECT coalesce(group_concat(CASE WHEN normalized LIKE '86%' THEN (CASE WHEN kind = 'landline' THEN '0' ELSE '' END) || substr(normalized, 3) ELSE normalized END, ' '), '') FROM customer_phones WHERE customer_id = new.customer_id) WHERE rowid = new.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_phone_ad` AFTER DELETE ON `customer_phones` BEGIN
  UPDATE customer_search SET phones = (SELECT coalesce(group_concat(CASE WHEN normalized LIKE '86%' THEN (CASE WHEN kind = 'landline' THEN '0' ELSE '' END) || substr(normalized, 3) ELSE normalized END, ' '), '') FROM customer_phones WHERE customer_id = old.customer_id) WHERE rowid = old.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_vehicle_ai` AFTER INSERT ON `vehicles` BEGIN
  UPDATE customer_search SET
    plates = (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = new.customer_id AND plate IS NOT NULL),
    vins = (SELECT coalesce(group_concat(substr(vin, -8), ' '), '') FROM vehicles WHERE customer_id = new.customer_id)
  WHERE rowid = new.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_vehicle_au` AFTER UPDATE OF plate, vin, customer_id ON `vehicles` BEGIN
  UPDATE customer_search SET
    plates = (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = old.customer_id AND plate IS NOT NULL),
    vins = (SELECT coalesce(group_concat(substr(vin, -8), ' '), '') FROM vehicles WHERE customer_id = old.customer_id)
  WHERE rowid = old.customer_id;
  UPDATE customer_search SET
    plates = (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = new.customer_id AND plate IS NOT NULL),
    vins = (SELECT coalesce(group_concat(substr(vin, -8), ' '), '') FROM vehicles WHERE customer_id = new.customer_id)
  WHERE rowid = new.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_vehicle_ad` AFTER DELETE ON `vehicles` BEGIN
  UPDATE customer_search SET
    plates = (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = old.customer_id AND plate IS NOT NULL),
    vins = (SELECT coalesce(group_concat(substr(vin, -8), ' '), '') FROM vehicles WHERE customer_id = old.customer_id)
  WHERE rowid = old.customer_id;
END;
--> statement-breakpoint
-- Existing customers.
INSERT INTO customer_search(rowid, name, phones, plates, vins)
SELECT c.id, c.name, (SELECT coalesce(group_concat(CASE WHEN normalized LIKE '86%' THEN (CASE WHEN kind = 'landline' THEN '0' ELSE '' END) || substr(normalized, 3) ELSE normalized END, ' '), '') FROM customer_phones WHERE customer_id = c.id), (SELECT coalesce(group_concat(plate, ' '), '') FROM vehicles WHERE customer_id = c.id AND plate IS NOT NULL), (SELECT coalesce(group_concat(substr(vin, -8), ' '), '') FROM vehicles WHERE customer_id = c.id)
FROM customers c;
