# Topology validation engine.
list(APPEND VNLAND_CORE_SOURCES
  topology/validation_rule.h topology/validation_rule.cpp
  topology/validation_context.h topology/validation_context.cpp
  topology/parcel_index.h topology/parcel_index.cpp
  topology/rule_checks.h
  topology/rules_parcel.cpp
  topology/rules_neighbour.cpp
  topology/rules_coverage.cpp
  topology/rules_numbering.cpp
  topology/topology_engine.h topology/topology_engine.cpp
  topology/validation_store.h topology/validation_store.cpp
  topology/topology_fix.h topology/topology_fix.cpp)
