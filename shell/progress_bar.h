// ProgressBar: one line on a terminal that shows how far an import is: a bar and a percentage
// (when the size is known), rows read, rows per second and the time left. It redraws in place
// with a carriage return and erases itself when done. It borrows its stream; one thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

#include "meninx/import_export.h"

namespace meninx::shell {

class ProgressBar {
  public:
    // Draws on `out` (a terminal) lines at most `width` columns wide.
    ProgressBar(std::ostream& out, size_t width);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    // Redraws the line for `progress`; nothing during the first half second, so that short
    // imports do not flicker.
    void update(const ImportProgress& progress);
    // Erases the line, if one was drawn.
    void clear();

    // The text of the line for `progress`, without the carriage return (for tests).
    static std::string line(const ImportProgress& progress, size_t width);

  private:
    std::ostream& out_;
    size_t width_;
    bool drawn_ = false;
};

// "1,234,567".
std::string group_digits(int64_t n);

}  // namespace meninx::shell
