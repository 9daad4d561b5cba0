-- VNLand land database, schema version 1.
-- Applied by vnland::store::Migrator inside one transaction; the parameter
-- :srid is bound to the project's VN-2000 EPSG code (never formatted in).

CREATE TABLE IF NOT EXISTS project_meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

-- Provinces and communes. Codes before the 2025 reorganisation stay readable.
CREATE TABLE admin_unit (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    level         TEXT NOT NULL CHECK (level IN ('province', 'commune')),
    parent_code   TEXT,
    code_pre2025  TEXT,
    name_pre2025  TEXT,
    valid_from    TEXT,
    valid_to      TEXT
);

-- Map sheets (tờ bản đồ): serial per commune plus the grid sheet id (số hiệu mảnh).
CREATE TABLE map_sheet (
    id            INTEGER PRIMARY KEY,
    commune_code  TEXT NOT NULL,
    to_so         INTEGER NOT NULL,
    scale         INTEGER NOT NULL CHECK (scale = 200 OR scale = 500 OR scale = 1000 OR scale = 2000
                                          OR scale = 5000 OR scale = 10000),
    sheet_id      TEXT,
    UNIQUE (commune_code, to_so)
);
SELECT AddGeometryColumn('map_sheet', 'frame', :srid, 'POLYGON', 'XY');
SELECT CreateSpatialIndex('map_sheet', 'frame');

-- Parcels (thửa đất) and non-parcel objects (roads, canals, rivers) that are
-- numbered in the same sequence. A row with end_time set is history.
CREATE TABLE parcel (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    object_kind         TEXT NOT NULL DEFAULT 'parcel'
                        -- OR chains, not IN: SQLite builds an ephemeral index for an IN list on every row.
                        CHECK (object_kind = 'parcel' OR object_kind = 'road' OR object_kind = 'waterway'
                               OR object_kind = 'other'),
    commune_code        TEXT,
    to_so               INTEGER,
    thua_so             INTEGER,
    to_so_cu            TEXT,
    thua_so_cu          TEXT,
    measured_area       REAL,
    legal_area          REAL,
    landuse_code        TEXT,
    user_type_code      TEXT,
    owner_name          TEXT,
    address             TEXT,
    certificate_issued  INTEGER,
    -- Import flags: comma-separated (invalid_geometry, unknown_landuse, multipart, duplicate_number).
    flags               TEXT NOT NULL DEFAULT '',
    -- 1 when another live parcel already had this (commune, tờ, thửa) at import.
    identity_conflict   INTEGER NOT NULL DEFAULT 0,
    import_id           INTEGER REFERENCES import_log(id),
    begin_time          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    end_time            TEXT
);
SELECT AddGeometryColumn('parcel', 'geom', :srid, 'MULTIPOLYGON', 'XY');
SELECT CreateSpatialIndex('parcel', 'geom');
CREATE UNIQUE INDEX parcel_identity ON parcel (commune_code, to_so, thua_so)
    WHERE end_time IS NULL AND identity_conflict = 0 AND thua_so IS NOT NULL;
CREATE INDEX parcel_sheet ON parcel (commune_code, to_so);

-- A parcel may carry several land uses (mục đích sử dụng).
CREATE TABLE parcel_landuse (
    id         INTEGER PRIMARY KEY,
    parcel_id  INTEGER NOT NULL REFERENCES parcel(id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    area       REAL,
    is_main    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX parcel_landuse_parcel ON parcel_landuse (parcel_id);

-- Land-use code list and hierarchies, loaded from schemas/*.csv.
CREATE TABLE landuse_code (
    code        TEXT PRIMARY KEY,
    name_vi     TEXT NOT NULL,
    grp         TEXT,
    valid_2018  TEXT,
    valid_2024  TEXT
);
CREATE TABLE landuse_hierarchy (
    scheme  TEXT NOT NULL,
    stt     TEXT NOT NULL,
    code    TEXT NOT NULL,
    parent  TEXT,
    level   INTEGER NOT NULL,
    PRIMARY KEY (scheme, code)
);

CREATE TABLE import_log (
    id             INTEGER PRIMARY KEY,
    started        TEXT NOT NULL,
    finished       TEXT,
    source         TEXT NOT NULL,
    driver         TEXT,
    source_crs     TEXT,
    operation      TEXT,
    encoding       TEXT,
    mapping        TEXT,
    features_in    INTEGER,
    imported       INTEGER,
    rejected       INTEGER,
    flagged        INTEGER
);

CREATE TABLE change_log (
    id          INTEGER PRIMARY KEY,
    time        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    parcel_uuid TEXT,
    action      TEXT NOT NULL,
    detail      TEXT,
    source      TEXT
);
