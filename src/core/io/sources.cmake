# Import, export, encodings, field mapping.
list(APPEND VNLAND_CORE_SOURCES)
