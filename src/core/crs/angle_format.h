// Degrees–minutes–seconds input and output for geographic coordinates
// (độ–phút–giây), as land officers type them: 10°46'30.12"N, 10 46 30.12,
// 10:46:30.12, 106d42'E, or plain decimal degrees.
#pragma once

#include <optional>
#include <string>

namespace vnland::crs {

/// Parses decimal degrees or DMS; a trailing or leading S/W makes it negative.
std::optional<double> parseAngle(const std::string &text);

/// 10°46'30.00000"N; @p latitude chooses N/S or E/W; @p secondDecimals digits.
std::string formatDms(double degrees, bool latitude, int secondDecimals = 5);

} // namespace vnland::crs
