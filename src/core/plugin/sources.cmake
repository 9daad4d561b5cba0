list(APPEND VNLAND_CORE_SOURCES
  plugin/plugin_interfaces.h
  plugin/sync_backend.h
  plugin/plugin_manager.cpp)
