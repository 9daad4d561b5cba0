// Sokkia SDR33 (and SDR2x) reader (sổ đo điện tử Sokkia).
//
// Fixed-column records, the first two characters the record type, the next
// two the derivation code (KI keyboard, TP topography, F1/F2 face 1/2
// observation, MC corrected observation …). Point names are 16 characters
// in SDR33 (header "00..SDR33", or job record 10 with '1' at column 21) and
// 4 in SDR2x; values are 16 (SDR33) or 10 (SDR2x) characters wide.
//   00 header:  column 41 angle unit (1 degrees, 2 gon), 42 distance unit
//               (1 metre, 2 feet), 45 coordinate order (1 N-E-Elev, 2 E-N-Elev).
//   02 station: name, three coordinates, instrument height, code.
//   03 target:  target height.
//   07 backsight (back bearing): station, backsight point, azimuth, Hz reading
//               on the backsight. A blank azimuth is computed from the known
//               coordinates of station and backsight.
//   08 coordinates: name, three coordinates, code.
//   09 observation: station, target, slope distance, zenith angle, Hz, code.
// (SDR33 column layout per the Sokkia SDR33 data-format description; the 07
// record's SDR33 columns follow the SDR2x layout with 16-character fields.)
// Angles are clockwise; zenith angles from the vertical. Observations from a
// station are reduced with survey::reducePolar, azimuth = Hz + (backsight
// azimuth − backsight Hz). Face-2 readings are brought to face 1 (Hz − 180°,
// 360° − z) and averaged with a face-1 reading of the same target.
// The header's coordinate order decides N/E; --order ne|en overrides it.
#pragma once

#include "plugin/plugin_interfaces.h"

#include <QObject>

namespace vnland::plugins {

class SurveySdr33Reader : public QObject, public plugin::SurveyReaderPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VNLAND_SURVEY_READER_IID FILE "survey_sdr33.json")
    Q_INTERFACES(vnland::plugin::SurveyReaderPlugin)

public:
    QString formatName() const override { return QStringLiteral("sdr33"); }
    QString description() const override { return tr("Sokkia SDR33 / SDR2x data-collector files"); }
    bool canRead(const QString &path) const override;
    bool read(const QString &path, const plugin::SurveyReadOptions &options, survey::SurveyData &out,
              QString *error) override;
};

} // namespace vnland::plugins
