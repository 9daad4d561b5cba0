#include "progress_bar.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace vnland::cli {

ProgressBar::ProgressBar(bool enabled) : m_enabled(enabled && isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::finish()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_enabled && m_shown)
        std::fputs("\n", stderr);
    m_shown = false;
    m_lastPermille = -1;
}

void ProgressBar::update(double fraction, const std::string &stage) { draw(fraction, stage); }

void ProgressBar::update(int64_t done, int64_t total)
{
    if (total <= 0)
        return;
    draw(double(done) / double(total), std::to_string(done) + "/" + std::to_string(total));
}

void ProgressBar::draw(double fraction, const std::string &text)
{
    if (!m_enabled)
        return;
    std::lock_guard<std::mutex> lock(m_mutex);
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int permille = static_cast<int>(fraction * 1000);
    if (permille == m_lastPermille && text == m_lastText)
        return;   // a redraw only when something shows a change
    m_lastPermille = permille;
    m_lastText = text;
    m_shown = true;
    constexpr int width = 30;
    const int filled = static_cast<int>(width * fraction);
    std::fprintf(stderr, "\r[%s%s] %3d%% %-24.24s", std::string(size_t(filled), '#').c_str(),
                 std::string(size_t(width - filled), '.').c_str(), permille / 10, text.c_str());
    std::fflush(stderr);
}

} // namespace vnland::cli
