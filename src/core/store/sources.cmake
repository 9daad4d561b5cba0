list(APPEND VNLAND_CORE_SOURCES
  store/database.cpp
  store/migrator.cpp
  store/reference_data.cpp
  store/project.cpp
  store/spatialite_blob.cpp
  store/rtree_bulk.cpp
  store/parcel_store.cpp
  store/project_summary.cpp
  store/parcel_query.cpp
  store/layer_styles.cpp)
