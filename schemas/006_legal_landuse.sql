-- VNLand land database, schema version 6: the legal land type (loại đất theo giấy tờ pháp lý),
-- which may differ from the current one (cadastral_rules: keep both); PL15 prints both.
ALTER TABLE parcel ADD COLUMN legal_landuse_code TEXT;
