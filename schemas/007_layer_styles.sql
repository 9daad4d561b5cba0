-- QGIS layer styles (the table QGIS itself reads and writes in a SpatiaLite or GeoPackage
-- database): the land database opens in QGIS looking like the editor — parcels filled by
-- land-use code, labelled with the thửa number over the area. The rows are written by
-- store::writeLayerStyles() (the colours come from landuse_colors.csv).
-- Column names are lower case, as QGIS writes them in PostGIS (SQLite matches them case-blind), so a
-- published schema has the same columns.
CREATE TABLE IF NOT EXISTS layer_styles (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    f_table_catalog   VARCHAR(256),
    f_table_schema    VARCHAR(256),
    f_table_name      VARCHAR(256),
    f_geometry_column VARCHAR(256),
    stylename         VARCHAR(30),
    styleqml          TEXT,
    stylesld          TEXT,
    useasdefault      BOOLEAN,
    description       TEXT,
    owner             VARCHAR(30),
    ui                TEXT,
    update_time       TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
