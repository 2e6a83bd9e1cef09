-- The grid reads one indicator of one month through the observation key's prefix (import, indicator,
-- level); without statistics on how these columns depend on each other, PostgreSQL underestimated such a
-- read tenfold (2 290 rows for 29 237) and chose loops over hash joins (bench/grid.ts, --explain).
create statistics observation_keys (dependencies, mcv) on import_id, indicator_id, level, period from observation;
