-- A period keeps the precision its source gives (issue 16): "2012" stays a year, "2012-03" a month. The dates
-- still order and filter (start: the first day of what was written, end: the last); these columns hold what was
-- written, and are null when it was a day.
ALTER TABLE case_file ADD COLUMN period_start_written TEXT, ADD COLUMN period_end_written TEXT;
