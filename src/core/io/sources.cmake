# Import, export, encodings, field mapping.
list(APPEND VNLAND_CORE_SOURCES
  io/text_encoding.cpp
  io/field_mapping.cpp
  io/ogr_util.cpp
  io/vector_importer.cpp
  io/exporter.cpp)
