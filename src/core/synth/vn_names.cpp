// Name and address tables for synthetic coverages. The lists deliberately
// contain names that start with toned capitals (Ấm, Ước, Ổn, Ánh …) because
// those are the ones legacy TCVN3 data cannot store as capitals.
#include "synth/vn_names.h"

#include <array>
#include <cstdio>

namespace vnland::synth {

namespace {

constexpr std::array kFamily = {"Nguyễn", "Trần", "Lê",   "Phạm",  "Hoàng", "Vũ",   "Đặng",  "Bùi",
                                "Đỗ",     "Hồ",   "Ngô",  "Dương", "Lý",    "Phan", "Đinh",  "Lương",
                                "Tạ",     "Mai",  "Trịnh", "Đoàn", "Vương", "Cao",  "Lưu",   "Triệu"};
// Weights roughly follow the national distribution (Nguyễn ≈ 38 %).
constexpr std::array kFamilyWeight = {38, 11, 9, 7, 5, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

constexpr std::array kMiddleMale = {"Văn", "Đức", "Minh", "Hữu", "Quang", "Công", "Xuân", "Mạnh",
                                    "Bá",  "Thế", "Đình", "Ngọc", "Quốc", "Trọng", "Anh",  "Khắc"};
constexpr std::array kMiddleFemale = {"Thị", "Thu", "Ngọc", "Kim", "Hồng", "Thanh", "Mỹ", "Diệu", "Thúy", "Bích"};

constexpr std::array kGivenMale = {"Hùng", "Dũng",  "Tuấn",  "Hải",   "Nam",  "Long",   "Sơn",  "Thắng", "Cường",
                                   "Quý",  "Ấm",    "Ước",   "Ổn",    "Ẩn",   "Ánh",    "Đức",  "Lực",   "Tiến",
                                   "Thịnh", "Hưng", "Vượng", "Phúc",  "Khải", "Quyết",  "Lộc",  "Tùng",  "Bình",
                                   "Ứng",  "Ỷ",     "Huỳnh", "Nghĩa", "Khoa", "Trường", "Điệp", "Thủy",  "Việt"};
constexpr std::array kGivenFemale = {"Lan",   "Hương", "Nga",   "Hoa",  "Mai",  "Hằng", "Thảo", "Yến",
                                     "Nhung", "Ánh",   "Ước",   "Loan", "Hạnh", "Hiền", "Liên", "Oanh",
                                     "Phượng", "Thúy", "Duyên", "Ấm",   "Ổn",   "Ửng",  "Dịu",  "Mỹ"};

constexpr std::array kHamlets = {"Nam Hà",  "Nam Đông", "Đông Tiến", "Hải Tiến", "Thanh Ấm",
                                 "Hồng Hải", "Bắc Vàn", "Ước Lễ",    "Trường Xuân"};

template <typename Array>
const char *pick(std::mt19937_64 &rng, const Array &a)
{
    return a[static_cast<size_t>(uniformInt(rng, 0, static_cast<int>(a.size()) - 1))];
}

std::string person(std::mt19937_64 &rng, bool female)
{
    int total = 0;
    for (int w : kFamilyWeight)
        total += w;
    int r = uniformInt(rng, 0, total - 1);
    size_t f = 0;
    while (r >= kFamilyWeight[f]) {
        r -= kFamilyWeight[f];
        ++f;
    }
    std::string name = kFamily[f];
    name += ' ';
    name += female ? pick(rng, kMiddleFemale) : pick(rng, kMiddleMale);
    name += ' ';
    name += female ? pick(rng, kGivenFemale) : pick(rng, kGivenMale);
    return name;
}

} // namespace

double unit(std::mt19937_64 &rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

int uniformInt(std::mt19937_64 &rng, int lo, int hi)
{
    if (hi <= lo)
        return lo;
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>(rng() % span);
}

std::string householdName(std::mt19937_64 &rng)
{
    const double u = unit(rng);
    if (u < 0.08) // a couple on one certificate
        return person(rng, false) + " và " + person(rng, true);
    return person(rng, u < 0.38);
}

int hamletCount()
{
    return static_cast<int>(kHamlets.size());
}

std::string hamletName(int index)
{
    return std::string("Thôn ") + kHamlets[static_cast<size_t>(index) % kHamlets.size()];
}

std::string address(int hamlet)
{
    return hamletName(hamlet) + ", xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh";
}

std::string uuid(std::mt19937_64 &rng)
{
    uint64_t a = rng(), b = rng();
    a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL; // version 4
    b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // variant 10
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFFF),
                  static_cast<unsigned>(b >> 48), static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    return buf;
}

} // namespace vnland::synth
