-- HB Flow's own table beside the Camunda schema: the running case number per year (HB-2026-000123)
CREATE TABLE IF NOT EXISTS hb_case_number (
  case_year INTEGER PRIMARY KEY,
  last_number BIGINT NOT NULL
);
