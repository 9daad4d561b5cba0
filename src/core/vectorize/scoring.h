// Scores vectorizer candidates against the coverage a sheet was drawn from:
// parcel recall / precision / F1 by IoU, vertex offset in paper mm, and the
// share of labels (thửa number, land-use code, printed area) read right.
// Used by the tests and bench_vectorize.
#pragma once

#include "vectorize/vectorize.h"

#include <optional>
#include <string>
#include <vector>

namespace vnland::vectorize {

struct TruthParcel {
    std::vector<unsigned char> wkb;   // project CRS
    std::optional<int> thuaSo;
    std::string landuseCode;
    std::optional<double> area;       // printed area (m²), when the sheet shows it
};

struct Score {
    int truth = 0, candidates = 0, matched = 0;
    double recall = 0, precision = 0, f1 = 0;
    double meanIou = 0;
    double vertexMeanMm = 0, vertexP95Mm = 0;  // truth vertices → candidate boundary, paper mm
    int numbersTotal = 0, numbersRight = 0;     // over matched parcels with a truth number
    int codesTotal = 0, codesRight = 0;
    int areasTotal = 0, areasRead = 0, areasRight = 0; // areasRight among those read
    /// One line per label field read wrong on a matched parcel (truth, read, raw OCR, confidence).
    std::vector<std::string> misreads;
    double numberAccuracy() const { return numbersTotal ? double(numbersRight) / numbersTotal : 0; }
    double codeAccuracy() const { return codesTotal ? double(codesRight) / codesTotal : 0; }
    double areaReadShare() const { return areasTotal ? double(areasRead) / areasTotal : 0; }
    double areaAccuracy() const { return areasRead ? double(areasRight) / areasRead : 0; }
    std::string summary() const;
};

/// @p frameWkt clips the truth (parcels drawn partly outside the frame);
/// truth pieces smaller than @p minAreaM2 are left out.
Score scoreCandidates(const std::vector<Candidate> &candidates, const std::vector<TruthParcel> &truth,
                      const std::string &frameWkt, int scale, double iouThreshold = 0.9, double minAreaM2 = 1.0);

} // namespace vnland::vectorize
