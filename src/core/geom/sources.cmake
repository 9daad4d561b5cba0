list(APPEND VNLAND_CORE_SOURCES geom/geos_context.cpp)
