# Synthetic coverages and the sample-data generator.
list(APPEND VNLAND_CORE_SOURCES
  synth/vn_names.cpp
  synth/coverage_layout.cpp
  synth/coverage_generator.cpp
  synth/coverage_writer.cpp)
