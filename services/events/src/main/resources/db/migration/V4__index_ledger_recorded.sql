-- The export's range is by recorded_at (monotonic with the sequence: stamped under the chain head's lock).
CREATE INDEX ledger_entry_recorded ON ledger_entry (recorded_at);
