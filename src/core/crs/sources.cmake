list(APPEND VNLAND_CORE_SOURCES
  crs/proj_context.cpp
  crs/transformer.cpp)
