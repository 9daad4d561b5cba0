list(APPEND VNLAND_CORE_SOURCES
  vectorize/raster_prep.cpp
  vectorize/faces.cpp
  vectorize/labels.cpp
  vectorize/vectorize.cpp
  vectorize/vectorize_output.cpp
  vectorize/scoring.cpp
  vectorize/vectorize_store.cpp
  vectorize/sheet_faces.cpp
  vectorize/degrade.cpp)
