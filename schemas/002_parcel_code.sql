-- VNLand land database, schema version 2: parcel code (mã thửa đất).
-- The 12-character GeoHash of the WGS84 position of the parcel's pole of
-- inaccessibility (draft Circular 19/2026), written by `vnland parcel-code --write`.

ALTER TABLE parcel ADD COLUMN parcel_code TEXT;
CREATE INDEX parcel_code_lookup ON parcel (parcel_code);
