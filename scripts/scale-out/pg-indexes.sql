-- After COPY: the same B-tree indexes SQLite has for these tables (migrations/), then the quick-find
-- table and its pg_trgm GIN indexes in place of FTS5 trigram (migration 0005's customer_search).
-- Every SQLite index ends with the rowid (= id) as a hidden last key, so `order by name, id` and the
-- keyset `(name = ? and id > ?)` walk customers_name_idx in order. PostgreSQL indexes have no such
-- key: the equivalent index names id explicitly, else pg sorts every row of a frequent name.
CREATE INDEX customers_birthday_md_idx ON customers (birthday_md, id);
-- Migration 0018: the owner appended so a team's group counts stay in the index; (city) alone went.
CREATE INDEX customers_city_name_idx ON customers (city, name, owner_id, id);
CREATE INDEX customers_created_idx ON customers (created_at, id);
CREATE INDEX customers_dnd_idx ON customers (birthday_md) WHERE dnd_call = 1 OR dnd_sms = 1;
CREATE INDEX customers_id_number_idx ON customers (id_number);
CREATE INDEX customers_name_idx ON customers (name, id);
CREATE INDEX customers_owner_idx ON customers (owner_id, id);
CREATE INDEX customers_primary_model_idx ON customers (primary_model, id);
CREATE INDEX customers_province_idx ON customers (province, id);
CREATE INDEX customers_source_gender_idx ON customers (source, gender, owner_id);
CREATE INDEX phones_customer_idx ON customer_phones (customer_id);
CREATE INDEX phones_normalized_idx ON customer_phones (normalized);
CREATE INDEX vehicles_customer_idx ON vehicles (customer_id);
CREATE INDEX vehicles_last_service_idx ON vehicles (last_service_date, plate);
CREATE INDEX vehicles_plate_idx ON vehicles (plate);
CREATE UNIQUE INDEX vehicles_vin_uq ON vehicles (vin);
CREATE INDEX users_team_idx ON users (team_id);

-- Quick find: the same denormalised lists as FTS5's customer_search (name, phones in national form,
-- plates, last 8 of each VIN), kept by triggers in the product; here built once.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE customer_search AS
SELECT c.id, c.name,
  coalesce((SELECT string_agg(CASE WHEN p.normalized LIKE '86%' THEN (CASE WHEN p.kind = 'landline' THEN '0' ELSE '' END) || substr(p.normalized, 3) ELSE p.normalized END, ' ' ORDER BY p.id) FROM customer_phones p WHERE p.customer_id = c.id), '') AS phones,
  coalesce((SELECT string_agg(v.plate, ' ' ORDER BY v.id) FROM vehicles v WHERE v.customer_id = c.id AND v.plate IS NOT NULL), '') AS plates,
  coalesce((SELECT string_agg(right(v.vin, 8), ' ' ORDER BY v.id) FROM vehicles v WHERE v.customer_id = c.id), '') AS vins
FROM customers c;
ALTER TABLE customer_search ADD PRIMARY KEY (id);
CREATE INDEX customer_search_name_trgm ON customer_search USING gin (name gin_trgm_ops);
CREATE INDEX customer_search_phones_trgm ON customer_search USING gin (phones gin_trgm_ops);
CREATE INDEX customer_search_plates_trgm ON customer_search USING gin (plates gin_trgm_ops);
CREATE INDEX customer_search_vins_trgm ON customer_search USING gin (vins gin_trgm_ops);
VACUUM ANALYZE;
