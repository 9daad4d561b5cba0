// Vietnamese text encodings: exact decoding of hand-written TCVN3, VNI and
// CP1258 byte strings (taken from the published code tables, not from our
// encoder), round trips, and encoding detection on realistic samples.
#define BOOST_TEST_MODULE test_encoding
#include <boost/test/unit_test.hpp>

#include "io/text_encoding.h"

#include <QString>

#include <string>
#include <vector>

using namespace vnland::io;

namespace {

std::string tcvn3(const std::string &bytes) { return decode(bytes, TextEncoding::Tcvn3); }
std::string vni(const std::string &bytes) { return decode(bytes, TextEncoding::Vni); }
std::string cp1258(const std::string &bytes) { return decode(bytes, TextEncoding::Cp1258); }

// Names and addresses covering every tone on every vowel family, toned
// capitals at word starts, đ/Đ, ơ/ư and a few all-caps strings.
const std::vector<std::string> kSamples = {
    "Nguyễn Văn Ấm",
    "Trần Thị Hà",
    "Lê Thị Ước",
    "Đặng Quốc Ánh",
    "Hoàng Thị Ổn",
    "Phạm Ngọc Ẩn",
    "Vũ Đình Ứng",
    "Bùi Thị Ỷ",
    "Đỗ Minh Ẫn",
    "Hồ Thị Ịa",
    "Dương Văn Ỏn",
    "Trương Thị Ẹp",
    "Lý Văn Ủy",
    "Ngô Thị Ỡ",
    "Huỳnh Thị Mỹ Dung",
    "Thôn Nam Hà, xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh",
    "Thôn Thanh Ấm, xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh",
    "Khu Ước Lễ, xã Đồng Tiến, huyện Cô Tô, tỉnh Quảng Ninh",
    "Thôn Hồng Hải, huyện lỵ Cô Tô",
    "Đất ở tại nông thôn",
    "Đất trồng cây lâu năm khác, mặt nước nuôi trồng thủy sản",
    "Trường Tiểu học Cô Tô",
    "Ủy ban nhân dân xã Cô Tô",
    "NGUYỄN VĂN ẤM",
    "ĐẢO CÔ TÔ, QUẢNG NINH",
    "ầ ẩ ẫ ậ ằ ẳ ẵ ặ ề ể ễ ệ ồ ổ ỗ ộ ờ ở ỡ ợ ừ ử ữ ự ỳ ỷ ỹ ỵ ì ỉ ĩ ị ò ỏ õ ọ ù ủ ũ ụ è ẻ ẽ ẹ à ả ã ạ",
    "ấ ắ ế ố ớ ứ ý í ó ú é á ă â ê ô ơ ư đ",
};

} // namespace

BOOST_AUTO_TEST_CASE(parse_encoding_names)
{
    BOOST_TEST(encodingName(*parseEncoding("UTF-8")) == "utf-8");
    BOOST_TEST(encodingName(*parseEncoding(" 1258 ")) == "cp1258");
    BOOST_TEST(encodingName(*parseEncoding("ABC")) == "tcvn3");
    BOOST_TEST(encodingName(*parseEncoding("TCVN5712-1")) == "tcvn3");
    BOOST_TEST(encodingName(*parseEncoding("VNI-Windows")) == "vni");
    BOOST_TEST(encodingName(*parseEncoding("ISO-8859-1")) == "latin1");
    BOOST_TEST(!parseEncoding("klingon").has_value());
}

BOOST_AUTO_TEST_CASE(tcvn3_exact_bytes)
{
    // TCVN3 (ABC): « = ô, Ê = ấ (lowercase only: capitals came from a second font).
    BOOST_TEST(tcvn3("Th\xabn Thanh \xcam") == "Thôn Thanh Ấm");
    BOOST_TEST(tcvn3("Nguy\xd4n V\xa8n An") == "Nguyễn Văn An");
    BOOST_TEST(tcvn3("Tr\xc7n Th\xde H\xb5") == "Trần Thị Hà");
    BOOST_TEST(tcvn3("\xa7\xc6ng Qu\xb6ng") == "Đặng Quảng");
    BOOST_TEST(tcvn3("L\xaa Th\xde \xa6\xed" "c") == "Lê Thị Ước");
    BOOST_TEST(tcvn3("Tr\xad\xeang") == "Trường");
    BOOST_TEST(tcvn3("Ho\xb5ng \xb8nh") == "Hoàng Ánh");
    BOOST_TEST(tcvn3("x\xb7 C\xab T\xab, huy\xd6n C\xab T\xab, t\xd8nh Qu\xb6ng Ninh")
               == "xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh");
    // All capitals: the missing toned capitals are restored inside the word.
    BOOST_TEST(tcvn3("NGUY\xd4N V\xa1N \xcaM") == "NGUYỄN VĂN ẤM");
    // Ordinary lowercase text keeps its lowercase "ở".
    BOOST_TEST(tcvn3("\xa7\xcat \xeb t\xb9i n\xabng th\xabn") == "Đất ở tại nông thôn");
    // Combining tone bytes (0xB0–0xB4) are composed to NFC.
    BOOST_TEST(tcvn3("a\xb3") == "á");
}

BOOST_AUTO_TEST_CASE(vni_exact_bytes)
{
    BOOST_TEST(vni("Vie\xe4t Nam") == "Việt Nam");
    BOOST_TEST(vni("Tho\xe2n Nam Ha\xf8") == "Thôn Nam Hà");
    BOOST_TEST(vni("Nguye\xe3n Va\xean \xd1" "a\xeft") == "Nguyễn Văn Đạt");
    BOOST_TEST(vni("xa\xf5 Co\xe2 To\xe2, huye\xe4n Co\xe2 To\xe2, t\xe6nh Qua\xfbng Ninh")
               == "xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh");
    BOOST_TEST(vni("Tr\xf6\xf4\xf8ng") == "Trường");
    BOOST_TEST(vni("Le\xe2 Th\xf2 \xd6\xf4\xf9\x63") == "Lê Thị Ước");
    BOOST_TEST(vni("VIE\xc4T NAM") == "VIỆT NAM");
    BOOST_TEST(vni("\xd1\x41\xdbO CO\xc2 TO\xc2") == "ĐẢO CÔ TÔ");
    BOOST_TEST(vni("Hu\x79\xf8nh M\x79\xf5 L\x79\xf9") == "Huỳnh Mỹ Lý");
    BOOST_TEST(vni("\xd1o\xe3 \xd1\x61\xebng Ba\xe9\x63 Ngo\xef\x63") == "Đỗ Đặng Bắc Ngọc");
    BOOST_TEST(vni("huye\xe4n l\xee") == "huyện lỵ");
    BOOST_TEST(vni("\xcdt \xecm \xf3 \xf2") == "Ít ìm ĩ ị");
    BOOST_TEST(vni("A\xc1M") == "ẤM");
}

BOOST_AUTO_TEST_CASE(cp1258_exact_bytes)
{
    // CP1258: precomposed base letters + combining tone bytes
    // (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot below).
    BOOST_TEST(cp1258("Vi\xea\xf2t Nam") == "Việt Nam");
    BOOST_TEST(cp1258("Th\xf4n Nam H\xe0") == "Thôn Nam Hà");
    BOOST_TEST(cp1258("Qua\xd2ng Ninh") == "Quảng Ninh");
    BOOST_TEST(cp1258("Tr\xfd\xf5\xccng") == "Trường");
    BOOST_TEST(cp1258("L\xea Thi\xf2 \xdd\xf5\xec\x63") == "Lê Thị Ước");
    BOOST_TEST(cp1258("xa\xde C\xf4 T\xf4") == "xã Cô Tô");
    BOOST_TEST(cp1258("\xd0\xe2\xect") == "Đất");
}

BOOST_AUTO_TEST_CASE(utf8_is_normalised_to_nfc)
{
    // "Việt" written decomposed (e + U+0302 + U+0323).
    BOOST_TEST(decode("Vie\xcc\x82\xcc\xa3t", TextEncoding::Utf8) == "Việt");
    BOOST_TEST(decode("Ha\xcc\x80", TextEncoding::Utf8) == "Hà");
}

BOOST_AUTO_TEST_CASE(round_trips)
{
    for (const auto &s : kSamples) {
        for (TextEncoding e : {TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Cp1258, TextEncoding::Utf8}) {
            const std::string bytes = encode(s, e);
            BOOST_TEST_CONTEXT(encodingName(e) << ": " << s)
            {
                if (e != TextEncoding::Utf8)
                    BOOST_TEST(bytes.find('?') == std::string::npos);
                if (e == TextEncoding::Tcvn3) {
                    // TCVN3 writes only VN3 bytes: no C0 controls, nothing in 0x80–0x9F.
                    for (char c : bytes) {
                        auto b = static_cast<unsigned char>(c);
                        BOOST_TEST(!(b < 0x20 || (b >= 0x80 && b <= 0x9F)));
                    }
                }
                BOOST_TEST(decode(bytes, e) == s);
            }
        }
    }
    // The standard example, both ways.
    BOOST_TEST(encode("Thôn Thanh Ấm", TextEncoding::Tcvn3) == "Th\xabn Thanh \xcam");
    BOOST_TEST(encode("Việt Nam", TextEncoding::Vni) == "Vie\xe4t Nam");
    BOOST_TEST(encode("Ω", TextEncoding::Vni) == "?");
}

BOOST_AUTO_TEST_CASE(detection_on_realistic_samples)
{
    std::vector<std::string> utf8(kSamples.begin(), kSamples.begin() + 25);
    for (TextEncoding e : {TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Cp1258}) {
        std::vector<std::string> raw;
        for (const auto &s : utf8)
            raw.push_back(encode(s, e));
        EncodingGuess g = detectEncoding(raw);
        BOOST_TEST_CONTEXT(encodingName(e))
        {
            BOOST_TEST(encodingName(g.encoding) == encodingName(e));
            BOOST_TEST(!g.ambiguous);
            BOOST_TEST(g.confidence > 0.3);
        }
    }
    // A handful of fields from one feature is already enough.
    {
        std::vector<std::string> raw = {encode("Nguyễn Văn Ấm", TextEncoding::Vni),
                                        encode("Thôn Nam Hà, xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh", TextEncoding::Vni)};
        BOOST_TEST(encodingName(detectEncoding(raw).encoding) == "vni");
        raw = {"Th\xabn Thanh \xcam", "Nguy\xd4n V\xa8n An"};
        BOOST_TEST(encodingName(detectEncoding(raw).encoding) == "tcvn3");
    }
    EncodingGuess g = detectEncoding(utf8);
    BOOST_TEST(encodingName(g.encoding) == "utf-8");
    BOOST_TEST(!g.ambiguous);

    g = detectEncoding({"Nguyen Van An", "Thon Nam Ha, xa Co To", "ONT"});
    BOOST_TEST(g.ambiguous);
    g = detectEncoding({});
    BOOST_TEST(g.ambiguous);
}

BOOST_AUTO_TEST_CASE(long_decomposed_text_is_composed_in_linear_time_with_the_same_result)
{
    // A long text typed with combining marks (NFD), as some Mac and web tools write it, with and
    // without spaces: the composed result equals Qt's normalization of the whole text.
    QString nfd;
    for (int i = 0; i < 4000; ++i)
        nfd += QStringLiteral("Nguye\u0302\u0303n Va\u0306n A\u0302\u0301m, tho\u0302n Tha\u0300nh ");
    for (int i = 0; i < 600; ++i)
        nfd += QStringLiteral("e\u0302\u0301o\u031b\u0300");
    const std::string bytes = nfd.toStdString();
    const std::string composed = vnland::io::decode(bytes, vnland::io::TextEncoding::Utf8);
    BOOST_TEST(composed == nfd.normalized(QString::NormalizationForm_C).toStdString());
    BOOST_TEST(composed.find("Nguyễn Văn Ấm, thôn Thành ") == 0u);
}
