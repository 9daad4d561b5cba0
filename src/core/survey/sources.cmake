list(APPEND VNLAND_CORE_SOURCES
  survey/point_file.cpp
  survey/survey_store.cpp
  survey/cogo.cpp
  survey/parcel_builder.cpp
  survey/survey_import.cpp
  survey/polar.cpp
  survey/dxf_drawing.cpp)
