-- VNLand land database, schema version 5: scanned sheets (bản đồ quét) and
-- their georeferencing (nắn ảnh). Applied by vnland::store::Migrator; :srid is
-- bound to the project EPSG.

-- A raster belonging to the project: the scan itself, a warped GeoTIFF or a
-- VRT made from it. Paths are stored as given (absolute when registered by
-- the CLI); the raster file itself stays outside the database.
CREATE TABLE raster_layer (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    path          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('scan', 'warped', 'vrt')),
    source_id     INTEGER REFERENCES raster_layer(id) ON DELETE SET NULL,
    sheet_id      TEXT,                 -- số hiệu mảnh, when known
    scale         INTEGER,              -- map scale denominator of the sheet
    srid          INTEGER,              -- CRS of a georeferenced raster
    width         INTEGER,
    height        INTEGER,
    geotransform  TEXT,                 -- six numbers in GDAL order, comma-separated
    transform     TEXT,                 -- linear, helmert, affine, polynomial2, polynomial3, tps, projective
    resampling    TEXT,
    gcps_enabled  INTEGER,
    mean_error    REAL,                 -- map units, QGIS definition
    max_error     REAL,
    tolerance     REAL,                 -- 0.2 mm × scale, metres
    created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
SELECT AddGeometryColumn('raster_layer', 'footprint', :srid, 'POLYGON', 'XY');
CREATE INDEX raster_layer_path ON raster_layer (path);

-- Ground control points (điểm khống chế) of a scan. Pixel rows grow downwards
-- (positive), origin at the top-left corner of the top-left pixel.
CREATE TABLE gcp (
    id          INTEGER PRIMARY KEY,
    raster_id   INTEGER NOT NULL REFERENCES raster_layer(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    label       TEXT,
    map_x       REAL NOT NULL,
    map_y       REAL NOT NULL,
    pixel_x     REAL NOT NULL,
    pixel_y     REAL NOT NULL,
    enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    confidence  REAL,                   -- detector confidence 0…1; NULL for manual points
    UNIQUE (raster_id, seq)
);
