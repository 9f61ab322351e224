-- Issue 15: a grid grouped by one customer column with no filter counted ~1,000,000 index entries
-- per call (~135 ms at 1M with 30 seats). customer_group_counts keeps those counts per owner, so
-- the grid sums a few hundred rows over the owners the caller may see (mine / team / all). The
-- triggers below keep it exact in the same transaction as the customer write; an update touches
-- it only when a counted column or the owner changes. The demo seeder turns the triggers off for
-- its bulk load and writes the counts itself (their names start with customers_group_counts_).
-- NULL is stored as x'00' and no owner as 0: a primary key never matches NULL, the upsert must.
CREATE TABLE `customer_group_counts` (
	`dim` text NOT NULL,
	`owner_id` integer NOT NULL,
	`value` blob NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `owner_id`, `value`)
);--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'kind', coalesce(owner_id, 0), coalesce(kind, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'gender', coalesce(owner_id, 0), coalesce(gender, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'province', coalesce(owner_id, 0), coalesce(province, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'city', coalesce(owner_id, 0), coalesce(city, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'source', coalesce(owner_id, 0), coalesce(source, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'owner_id', coalesce(owner_id, 0), coalesce(owner_id, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'dnd_call', coalesce(owner_id, 0), coalesce(dnd_call, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'dnd_sms', coalesce(owner_id, 0), coalesce(dnd_sms, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'dnd_revisit', coalesce(owner_id, 0), coalesce(dnd_revisit, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT 'primary_model', coalesce(owner_id, 0), coalesce(primary_model, x'00'), count(*) FROM customers GROUP BY 2, 3;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_ai` AFTER INSERT ON `customers` BEGIN
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('kind', coalesce(new.owner_id, 0), coalesce(new.kind, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('gender', coalesce(new.owner_id, 0), coalesce(new.gender, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('province', coalesce(new.owner_id, 0), coalesce(new.province, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('city', coalesce(new.owner_id, 0), coalesce(new.city, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('source', coalesce(new.owner_id, 0), coalesce(new.source, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('owner_id', coalesce(new.owner_id, 0), coalesce(new.owner_id, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_call', coalesce(new.owner_id, 0), coalesce(new.dnd_call, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_sms', coalesce(new.owner_id, 0), coalesce(new.dnd_sms, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_revisit', coalesce(new.owner_id, 0), coalesce(new.dnd_revisit, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('primary_model', coalesce(new.owner_id, 0), coalesce(new.primary_model, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_ad` AFTER DELETE ON `customers` BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'kind' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.kind, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'gender' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.gender, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'province' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.province, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'city' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.city, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'source' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.source, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'owner_id' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.owner_id, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_call' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_call, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_sms' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_sms, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_revisit' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_revisit, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'primary_model' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.primary_model, x'00');
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_kind` AFTER UPDATE OF kind ON `customers` WHEN old.kind IS NOT new.kind AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'kind' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.kind, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('kind', coalesce(new.owner_id, 0), coalesce(new.kind, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_gender` AFTER UPDATE OF gender ON `customers` WHEN old.gender IS NOT new.gender AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'gender' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.gender, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('gender', coalesce(new.owner_id, 0), coalesce(new.gender, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_province` AFTER UPDATE OF province ON `customers` WHEN old.province IS NOT new.province AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'province' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.province, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('province', coalesce(new.owner_id, 0), coalesce(new.province, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_city` AFTER UPDATE OF city ON `customers` WHEN old.city IS NOT new.city AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'city' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.city, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('city', coalesce(new.owner_id, 0), coalesce(new.city, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_source` AFTER UPDATE OF source ON `customers` WHEN old.source IS NOT new.source AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'source' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.source, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('source', coalesce(new.owner_id, 0), coalesce(new.source, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_owner_id` AFTER UPDATE OF owner_id ON `customers` WHEN old.owner_id IS NOT new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'kind' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.kind, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'gender' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.gender, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'province' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.province, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'city' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.city, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'source' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.source, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'owner_id' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.owner_id, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_call' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_call, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_sms' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_sms, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_revisit' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_revisit, x'00');
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'primary_model' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.primary_model, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('kind', coalesce(new.owner_id, 0), coalesce(new.kind, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('gender', coalesce(new.owner_id, 0), coalesce(new.gender, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('province', coalesce(new.owner_id, 0), coalesce(new.province, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('city', coalesce(new.owner_id, 0), coalesce(new.city, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('source', coalesce(new.owner_id, 0), coalesce(new.source, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('owner_id', coalesce(new.owner_id, 0), coalesce(new.owner_id, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_call', coalesce(new.owner_id, 0), coalesce(new.dnd_call, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_sms', coalesce(new.owner_id, 0), coalesce(new.dnd_sms, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_revisit', coalesce(new.owner_id, 0), coalesce(new.dnd_revisit, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('primary_model', coalesce(new.owner_id, 0), coalesce(new.primary_model, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_dnd_call` AFTER UPDATE OF dnd_call ON `customers` WHEN old.dnd_call IS NOT new.dnd_call AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_call' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_call, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_call', coalesce(new.owner_id, 0), coalesce(new.dnd_call, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_dnd_sms` AFTER UPDATE OF dnd_sms ON `customers` WHEN old.dnd_sms IS NOT new.dnd_sms AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_sms' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_sms, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_sms', coalesce(new.owner_id, 0), coalesce(new.dnd_sms, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_dnd_revisit` AFTER UPDATE OF dnd_revisit ON `customers` WHEN old.dnd_revisit IS NOT new.dnd_revisit AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'dnd_revisit' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.dnd_revisit, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('dnd_revisit', coalesce(new.owner_id, 0), coalesce(new.dnd_revisit, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `customers_group_counts_au_primary_model` AFTER UPDATE OF primary_model ON `customers` WHEN old.primary_model IS NOT new.primary_model AND old.owner_id IS new.owner_id BEGIN
  UPDATE customer_group_counts SET n = n - 1 WHERE dim = 'primary_model' AND owner_id = coalesce(old.owner_id, 0) AND value = coalesce(old.primary_model, x'00');
  INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES ('primary_model', coalesce(new.owner_id, 0), coalesce(new.primary_model, x'00'), 1) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + 1;
END;
