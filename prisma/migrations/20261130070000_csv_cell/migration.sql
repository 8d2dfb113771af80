-- One CSV cell as lib/export/csv.ts writes it (RFC 4180, safe in every Excel locale), for the list
-- exports that PostgreSQL writes whole (lib/list-engine/csv-in-sql.ts). Text a spreadsheet would
-- run as a formula (= + - @, tab, CR first) gets a leading apostrophe; a field holding a separator
-- of any locale (, ; tab CR LF) or a quote is quoted, and text after one of its own separators
-- that would start a formula is neutralised too. tests/integration/csv-in-sql.test.ts checks it
-- against the TypeScript writer. One expression, not strict, no FROM: PostgreSQL inlines it.
CREATE FUNCTION csv_cell(cell text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN cell !~ '[",;\t\r\n]' THEN CASE WHEN cell ~ '^[-=+@]' THEN '''' || cell ELSE cell END
    ELSE '"' || replace(
      CASE WHEN regexp_replace(cell, '([;\t\r\n][ \t\r\n]*)(?=[-=+@])', '\1''', 'g') ~ '^[-=+@\t\r]'
           THEN '''' || regexp_replace(cell, '([;\t\r\n][ \t\r\n]*)(?=[-=+@])', '\1''', 'g')
           ELSE regexp_replace(cell, '([;\t\r\n][ \t\r\n]*)(?=[-=+@])', '\1''', 'g') END,
      '"', '""') || '"'
  END
$$;
