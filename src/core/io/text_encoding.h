// Vietnamese text encodings: UTF-8, Windows-1258 and the legacy 8-bit
// TCVN3 (ABC) and VNI-Windows encodings, decoded to Unicode NFC.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnland::io {

enum class TextEncoding { Utf8, Cp1258, Tcvn3, Vni, Latin1 };

/// "utf-8", "cp1258", "tcvn3", "vni", "latin1".
std::string encodingName(TextEncoding e);
/// Parses user/.cpg spellings ("UTF-8", "utf8", "1258", "CP1258", "TCVN3", "ABC",
/// "TCVN5712-1", "VNI", "VNI-Windows", "LATIN1", "ISO-8859-1", "1252" …).
std::optional<TextEncoding> parseEncoding(std::string_view name);

/// Decodes raw bytes to UTF-8 in NFC. For TCVN3, word-initial letters of
/// title-case text are restored to capitals (TCVN3 has no toned capitals):
/// "Th«n Thanh Êm" -> "Thôn Thanh Ấm".
std::string decode(std::string_view bytes, TextEncoding encoding);

/// Encodes UTF-8 text into a legacy encoding (for writing test and sample
/// data the way old software did). Characters the encoding lacks become '?'.
std::string encode(std::string_view utf8, TextEncoding encoding);

struct EncodingGuess {
    TextEncoding encoding = TextEncoding::Utf8;
    double confidence = 0;   // 0..1
    bool ambiguous = true;   // true when the samples do not decide (pure ASCII, …)
};

/// Guesses the encoding of a set of raw text samples (e.g. all string values
/// of the first features of a layer).
EncodingGuess detectEncoding(const std::vector<std::string> &samples);

} // namespace vnland::io
