-- The customers grid's tables on PostgreSQL, for the scale-out measurement only (docs/scale-out.md).
-- Not a product schema: column types stay as SQLite stores them (booleans as 0/1 integers, times as
-- epoch milliseconds) so the grid's generated SQL runs with the fewest rewrites; a real pg schema
-- from drizzle's pg-core would use boolean / timestamptz and the pg dialect would emit `= true`.
-- The database is created with the C collation so text sorts by code point, as SQLite's BINARY
-- does: the grid's name ranges (name >= 'x' and name < 'x' || U+10FFFF) and keyset cursors depend on it.
DROP TABLE IF EXISTS customer_search, vehicles, customer_phones, customers, users, teams CASCADE;

CREATE TABLE teams (id integer PRIMARY KEY, name text NOT NULL, kind text NOT NULL, manager_id integer);
CREATE TABLE users (id integer PRIMARY KEY, username text NOT NULL, display_name text NOT NULL, role text NOT NULL, team_id integer);
CREATE TABLE customers (
  id integer PRIMARY KEY,
  kind text NOT NULL DEFAULT 'individual',
  name text NOT NULL,
  gender text NOT NULL DEFAULT 'other',
  id_number text,
  birthday text,
  birthday_md text,
  province text,
  city text,
  address text,
  email text,
  wechat text,
  source text NOT NULL DEFAULT 'other',
  owner_id integer,
  dnd_call integer NOT NULL DEFAULT 0,
  dnd_sms integer NOT NULL DEFAULT 0,
  dnd_revisit integer NOT NULL DEFAULT 0,
  notes text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  created_by integer,
  primary_model text,
  version integer NOT NULL DEFAULT 1
);
CREATE TABLE customer_phones (id integer PRIMARY KEY, customer_id integer NOT NULL, raw text NOT NULL, normalized text NOT NULL, kind text NOT NULL, is_primary integer NOT NULL DEFAULT 0);
-- Only the vehicle columns the customers grid and quick find read.
CREATE TABLE vehicles (id integer PRIMARY KEY, customer_id integer NOT NULL, vin text NOT NULL, plate text, model text NOT NULL, last_service_date text);
