-- VNLand land database, schema version 3: topology / attribute validation.
-- Applied by vnland::store::Migrator; :srid is bound to the project EPSG.

-- One validation run (full or incremental) and the rules it ran.
CREATE TABLE validation_run (
    id          INTEGER PRIMARY KEY,
    started     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    finished    TEXT,
    mode        TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
    rules       TEXT NOT NULL,           -- comma-separated rule ids
    parcels     INTEGER,                 -- parcels examined
    issues      INTEGER,
    cancelled   INTEGER NOT NULL DEFAULT 0
);

-- One finding. parcel_ids / parcel_uuids list every parcel involved
-- (comma-separated, the first one also in parcel_id for lookups).
CREATE TABLE validation_issue (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER REFERENCES validation_run(id),
    rule          TEXT NOT NULL,
    severity      TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    parcel_id     INTEGER,
    parcel_ids    TEXT NOT NULL DEFAULT '',
    parcel_uuids  TEXT NOT NULL DEFAULT '',
    measure       REAL,
    unit          TEXT,
    message       TEXT,
    detail        TEXT,                  -- JSON object
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fixed', 'exception')),
    status_time   TEXT,
    status_note   TEXT
);
SELECT AddGeometryColumn('validation_issue', 'geom', :srid, 'GEOMETRY', 'XY');
SELECT CreateSpatialIndex('validation_issue', 'geom');
CREATE INDEX validation_issue_rule ON validation_issue (rule, status);
CREATE INDEX validation_issue_parcel ON validation_issue (parcel_id);

-- Per-project overrides of rule parameters (defaults live in the engine and
-- come from cadastral_rules.md). param 'severity' holds error|warning.
CREATE TABLE validation_rule_param (
    rule   TEXT NOT NULL,
    param  TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (rule, param)
);

-- Tolerance between measured and legal area, as versioned data
-- (schemas/area_tolerance.csv, loaded by the validation engine on first use).
-- kind: formula  ΔP = a · M · √P  (M = sheet scale denominator)
--       fixed    ΔP = a
--       linear   ΔP = a + b · (P − area_min)
-- A row applies when scale matches (NULL = any scale) and area_min < P ≤ area_max (NULL = no limit).
CREATE TABLE area_tolerance (
    id        INTEGER PRIMARY KEY,
    scheme    TEXT NOT NULL,
    scale     INTEGER,
    area_min  REAL NOT NULL DEFAULT 0,
    area_max  REAL,
    kind      TEXT NOT NULL CHECK (kind IN ('formula', 'fixed', 'linear')),
    a         REAL NOT NULL,
    b         REAL NOT NULL DEFAULT 0,
    source    TEXT,
    verified  TEXT
);
CREATE INDEX area_tolerance_scheme ON area_tolerance (scheme, scale);
