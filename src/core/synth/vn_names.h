// Vietnamese owner names, hamlets and addresses for synthetic coverages
// (họ + tên đệm + tên with diacritics; "Thôn …, xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh").
#pragma once

#include <random>
#include <string>

namespace vnland::synth {

/// Uniform double in [0, 1) from the raw 64-bit output (same on every platform,
/// unlike std::uniform_real_distribution).
double unit(std::mt19937_64 &rng);
/// Uniform integer in [lo, hi].
int uniformInt(std::mt19937_64 &rng, int lo, int hi);

/// A household owner: "Nguyễn Văn Ấm", sometimes a couple "… và …".
std::string householdName(std::mt19937_64 &rng);
/// Number of hamlets (thôn) the generator uses.
int hamletCount();
/// "Thôn Nam Hà".
std::string hamletName(int index);
/// "Thôn Nam Hà, xã Cô Tô, huyện Cô Tô, tỉnh Quảng Ninh".
std::string address(int hamlet);
/// A random-looking RFC 4122 version-4 UUID drawn from @p rng.
std::string uuid(std::mt19937_64 &rng);

} // namespace vnland::synth
