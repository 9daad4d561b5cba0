// Two-page PDF report of a georeferencing fit (báo cáo nắn bản đồ quét), like
// QGIS's georeferencer report: page 1 the transform parameters, the mean
// error against the tolerance and a residual plot (vectors exaggerated);
// page 2 the GCP residual table. Needs a QGuiApplication (fonts); without a
// display use QT_QPA_PLATFORM=offscreen.
#pragma once

#include "georef/gcp_fit.h"

#include <string>

namespace vnland::georef {

bool writeFitReportPdf(const GcpFit &fit, const GcpSet &gcps, const std::string &scanName, const std::string &path,
                       std::string *error = nullptr);

} // namespace vnland::georef
