# Topology validation engine.
list(APPEND VNLAND_CORE_SOURCES)
