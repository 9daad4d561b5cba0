-- VNLand land database, schema version 4: surveyors' field data.
-- Applied by vnland::store::Migrator; :srid is bound to the project EPSG.
-- Coordinates are stored as POINT(x = easting, y = northing) in the project
-- CRS, i.e. x = Vietnamese Y (đông) and y = Vietnamese X (bắc); the columns
-- x_north / y_east repeat them in the Vietnamese order for reports.

-- Survey points (điểm đo): from point files, total stations, GNSS, COGO.
CREATE TABLE survey_point (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,            -- point name/number as surveyed (số hiệu điểm)
    code         TEXT,                     -- field code (mã điểm), may carry line-control tokens; text of a 'label'
    kind         TEXT NOT NULL DEFAULT 'measured'
                 CHECK (kind IN ('measured', 'gnss', 'station', 'control', 'traverse', 'adjusted', 'label')),
    x_north      REAL NOT NULL,            -- Vietnamese X (bắc), metres
    y_east       REAL NOT NULL,            -- Vietnamese Y (đông), metres, with the 500 km false easting
    height       REAL,                     -- H (độ cao), metres, NULL when not measured
    source_file  TEXT,
    source_line  INTEGER,                  -- line (or record) number in the source file
    import_id    INTEGER REFERENCES import_log(id)
);
SELECT AddGeometryColumn('survey_point', 'geom', :srid, 'POINT', 'XY');
SELECT CreateSpatialIndex('survey_point', 'geom');
CREATE INDEX survey_point_import ON survey_point (import_id, name);

-- Survey lines: boundary lines joined from point codes or number sequences,
-- traverse legs. from_name/to_name name the end points.
CREATE TABLE survey_line (
    id           INTEGER PRIMARY KEY,
    code         TEXT,
    kind         TEXT NOT NULL DEFAULT 'boundary' CHECK (kind IN ('boundary', 'traverse', 'drawing')),
    from_name    TEXT,
    to_name      TEXT,
    source_file  TEXT,
    import_id    INTEGER REFERENCES import_log(id)
);
SELECT AddGeometryColumn('survey_line', 'geom', :srid, 'LINESTRING', 'XY');
SELECT CreateSpatialIndex('survey_line', 'geom');
CREATE INDEX survey_line_import ON survey_line (import_id);
