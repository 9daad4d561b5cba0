# Import, export, encodings, field mapping.
list(APPEND VNLAND_CORE_SOURCES
  io/field_mapping.cpp
  io/ogr_util.cpp
  io/exporter.cpp)
# TEMPORARY until io/text_encoding.cpp lands (the importer needs it).
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/text_encoding.cpp)
  list(APPEND VNLAND_CORE_SOURCES io/text_encoding.cpp io/vector_importer.cpp)
  set(VNLAND_WITH_IMPORT ON CACHE INTERNAL "")
else()
  set(VNLAND_WITH_IMPORT OFF CACHE INTERNAL "")
endif()
