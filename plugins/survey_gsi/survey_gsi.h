// Leica GSI-8 / GSI-16 reader (máy toàn đạc điện tử Leica).
//
// Format (Leica "GSI Online" word layout): one block per line, words separated
// by blanks; a GSI-16 line starts with '*'. Each word is
//   WI(2 digits) info(4 chars) sign(+/-) data(8 chars GSI-8, 16 chars GSI-16).
// The last info character is the unit of the value:
//   distances: 0 = mm, 1 = 1/1000 ft, 6 = 1/10 mm, 7 = 1/10000 ft, 8 = 1/100 mm;
//   angles:    2 = gon (1e-5), 3 = decimal degrees (1e-5), 4 = DMS packed
//              DDDMMSSs (1e-5), 5 = mil (1e-4).
// Word indexes used: 11 point name; 21 Hz (horizontal circle, clockwise);
// 22 V (zenith angle); 31 slope distance; 32 horizontal distance; 33 height
// difference; 81/82/83 target easting/northing/height; 84/85/86 station
// easting/northing/height; 87 reflector height; 88 instrument height;
// 71 point code (remark 1). 41… code blocks are skipped.
// Leica writes easting before northing (81 = E, 82 = N); --order ne says a
// file was set up the Vietnamese way (81 = X north). GSI-8 data hold 8 digits,
// so coordinates above 99 999.999 m need GSI-16.
//
// Blocks (lines end with LF, CRLF or a bare CR; several blocks may share a
// line, each starting with its 11 word):
//  * station record (11 + 84/85[/86][/88][/25]) starts a station. With WI 25
//    (Hz0 − Hz) the instrument was oriented: later Hz readings are azimuths,
//    and polar readings without recorded coordinates just before the record
//    (free station / orientation set-up; before the first record, or after
//    an oriented station whose observations carried coordinates) are reduced
//    from it with azimuth = Hz + (Hz0 − Hz). Without WI 25 the first
//    observation from it to a point whose coordinates are already known is
//    the backsight and orients the circle; with no backsight the Hz readings
//    are taken as azimuths and a warning says so.
//  * an observation with recorded coordinates (21/22/31 + 81/82/83, what a
//    TPS download holds) is stored with the recorded coordinates.
//  * an observation without coordinates (21 + 22 + 31, or 32 with ΔH = HD·cot
//    z) is reduced by survey::reducePolar from the current station; before
//    any station record from SurveyData::assumedStation (--station
//    E,N,Z[,HI]) or else from E 0, N 0, Z 0, orientation 0, with a warning
//    (what totalopenstation does). Instrument height: WI 88 of the line, else
//    the station's; target height WI 87. An angle-only reading (no distance)
//    that is not a backsight is rejected: it has no position.
//  * a coordinate block (11 + 81/82[/83]) is read directly (kind control).
#pragma once

#include "plugin/plugin_interfaces.h"

#include <QObject>

namespace vnland::plugins {

class SurveyGsiReader : public QObject, public plugin::SurveyReaderPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VNLAND_SURVEY_READER_IID FILE "survey_gsi.json")
    Q_INTERFACES(vnland::plugin::SurveyReaderPlugin)

public:
    QString formatName() const override { return QStringLiteral("gsi"); }
    QString description() const override { return tr("Leica GSI-8 / GSI-16 total-station data"); }
    bool canRead(const QString &path) const override;
    bool read(const QString &path, const plugin::SurveyReadOptions &options, survey::SurveyData &out,
              QString *error) override;
};

} // namespace vnland::plugins
