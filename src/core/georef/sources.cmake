list(APPEND VNLAND_CORE_SOURCES
  georef/least_squares.cpp
  georef/transform.cpp
  georef/gcp_set.cpp
  georef/gcp_fit.cpp
  georef/warp.cpp
  georef/raster_store.cpp
  georef/sample_scan.cpp
  georef/cross_detector.cpp
  georef/fit_report_pdf.cpp)
