list(APPEND VNLAND_CORE_SOURCES
  edit/edit_geometry.cpp
  edit/snap_index.cpp
  edit/edit_clip.cpp
  edit/edit_split_merge.cpp
  edit/edit_vertex.cpp
  edit/edit_trace.cpp
  edit/edit_input.cpp)
