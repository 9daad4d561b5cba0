# Statutory reports: data (register, summary, statistics, extracts, validation)
# and writers (PDF painted with Qt Gui, CSV, HTML; XLSX via plugins/xlsx_writer).
list(APPEND VNLAND_CORE_SOURCES
  report/report_data.h
  report/report_data.cpp
  report/report_lines.h
  report/report_statistics.cpp
  report/report_extract.cpp
  report/report_tables.h
  report/report_tables.cpp
  report/report_writer.h
  report/report_writer.cpp
  report/pdf_canvas.h
  report/pdf_report.h
  report/pdf_report.cpp
  report/pdf_extract.cpp)
