# Synthetic coverages and the sample-data generator.
list(APPEND VNLAND_CORE_SOURCES)
