#!/bin/sh
# What is SQLite-specific in the product code (docs/scale-out.md, "What is SQLite-specific today").
# Usage: sh scripts/scale-out/count-sqlite-specific.sh [REV]   (default HEAD; run from the repo root)
# Counts occurrences in the committed tree at REV: electron/node and db/, tests and test doubles
# excluded; migrations counted apart. Counts are of text, so read the notes in the doc: `.get(` also
# counts Map.get, `.exec(` also RegExp.exec.
set -e
REV=${1:-HEAD}
CODE="electron/node db :(exclude)*.test.ts :(exclude)*test-support*"

echo "== better-sqlite3 / drizzle calls per area ($REV)"
printf "%-20s %7s %5s %5s %5s %5s %5s %5s %6s %7s\n" area prepare run get all pluck txn exec pragma builder
# shellcheck disable=SC2086
git grep -o -E '\.(prepare|run|get|all|pluck|exec|pragma)\(|transaction\(|\.select\(|\.(insert|update|delete)\([a-zA-Z]+\)' "$REV" -- $CODE \
  | sed -E "s/^$REV://" \
  | awk -F: '{
      f = $1; m = $NF; split(f, p, "/")
      if (f ~ /^db\//) area = "db"; else if (p[3] == "features") area = p[4]; else if (p[3] ~ /\.ts$/) area = "node (core files)"; else area = p[3]
      k = m; sub(/^\./, "", k); sub(/\(.*$/, "", k)
      if (k == "select" || k == "insert" || k == "update" || k == "delete") k = "builder"
      c[area, k]++; seen[area] = 1; tot[k]++
    } END {
      n = split("prepare run get all pluck transaction exec pragma builder", K, " ")
      for (ar in seen) { printf "%-20s", ar; for (i = 1; i <= n; i++) printf " %6d", c[ar, K[i]] + 0; printf "\n" }
      printf "%-20s", "TOTAL"; for (i = 1; i <= n; i++) printf " %6d", tot[K[i]] + 0; printf "\n"
    }' | sort
# shellcheck disable=SC2086
echo "sql\`…\` fragments: $(git grep -o -E 'sql`' "$REV" -- $CODE | wc -l), sql.raw(: $(git grep -o -E 'sql\.raw\(' "$REV" -- $CODE | wc -l)"

echo "== SQLite dialect in SQL text (code | migrations/*.sql)"
for p in 'julianday\(' 'strftime\(' 'unixepoch\(|datetime\(' 'insert or (ignore|replace)' 'on conflict' '\.returning\(' '\bRETURNING\b' 'json_each\(' 'json_extract\(' 'json_group_array\(|json_object\(|json_array\(' 'group_concat\(' 'pragma' 'begin immediate' '\browid\b' 'collate nocase' "escape '" 'indexed by' 'instr\(' 'last_insert_rowid|\bchanges\(\)' 'sqlite_master|sqlite_schema' 'fts5|customer_search'; do
  # shellcheck disable=SC2086
  a=$(git grep -o -E "$p" "$REV" -- $CODE | wc -l)
  ai=$(git grep -i -o -E "$p" "$REV" -- $CODE | wc -l)
  b=$(git grep -i -o -E "$p" "$REV" -- 'migrations/*.sql' | wc -l)
  # RETURNING is counted case-sensitively (SQL keyword in upper case); the rest case-insensitively.
  [ "$p" = '\bRETURNING\b' ] || [ "$p" = '\.returning\(' ] || a=$ai
  printf "%-44s %5s | %5s\n" "$p" "$a" "$b"
done

echo "== FTS5 trigram quick find"
echo "files: $(git grep -l -i -E 'fts5|customer_search' "$REV" -- electron db migrations scripts ':(exclude)*.test.ts' | sed "s/^$REV://" | tr '\n' ' ')"
echo "virtual tables in force: $(git grep -c -E 'CREATE VIRTUAL TABLE `customer_search` USING fts5' "$REV" -- migrations/0005_customer_search_slim.sql | sed 's/.*://')," \
  "triggers: $(git grep -c -E 'CREATE TRIGGER `customer_search' "$REV" -- migrations/0005_customer_search_slim.sql | sed 's/.*://')"
