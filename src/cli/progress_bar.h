// One progress bar for the CLI's long jobs (import, validate, warp, vectorize):
// drawn in place on stderr when it is a terminal, silent in pipes, files and with --quiet,
// so scripts and logs see only the results and the messages.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

namespace vnland::cli {

class ProgressBar {
public:
    /// @p enabled false for --quiet; the bar is drawn only when stderr is also a terminal.
    explicit ProgressBar(bool enabled);
    ~ProgressBar();
    ProgressBar(const ProgressBar &) = delete;
    ProgressBar &operator=(const ProgressBar &) = delete;

    bool active() const { return m_enabled; }
    /// @p fraction 0…1 and the stage being worked on.
    void update(double fraction, const std::string &stage = {});
    /// @p done of @p total items.
    void update(int64_t done, int64_t total);
    /// Ends the line so that a message can follow.
    void finish();

private:
    void draw(double fraction, const std::string &text);
    bool m_enabled;
    std::mutex m_mutex;   // progress may be reported from worker threads
    bool m_shown = false;
    int m_lastPermille = -1;
    std::string m_lastText;
};

} // namespace vnland::cli
