list(APPEND VNLAND_CORE_SOURCES
  crs/proj_context.cpp
  crs/transformer.cpp
  crs/crs_catalogue.cpp
  crs/crs_recognition.cpp
  crs/angle_format.cpp
  crs/map_sheet_grid.cpp
  crs/geohash.cpp
  crs/parcel_code.cpp)
