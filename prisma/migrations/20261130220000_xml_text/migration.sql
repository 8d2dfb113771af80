-- Text as the content of an XML element, as exceljs writes a cell's text (lib/utils/utils.js
-- xmlEncode): & < > escaped, and the control characters XML 1.0 cannot hold (all below 0x20 but
-- tab, line feed and carriage return) and DEL left out. For the workbooks PostgreSQL writes the
-- rows of (lib/list-engine/xlsx-in-sql.ts); tests/integration/xlsx-in-sql.test.ts reads them back
-- against exceljs's. One expression, not strict, no FROM: PostgreSQL inlines it.
CREATE FUNCTION xml_text(cell text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN cell !~ '[&<>\x01-\x08\x0B\x0C\x0E-\x1F\x7F]' THEN cell
    ELSE replace(replace(replace(regexp_replace(cell, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
  END
$$;
