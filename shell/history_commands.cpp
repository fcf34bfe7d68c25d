// The shell's history commands: :log lists transactions, :asof shows the graph as it was at a
// point of its history (and goes back with now), :undo reverses a transaction. They run the
// db.transactions and db.undo procedures and Database::as_of (see docs/curation.md, "History").
#include <charconv>

#include "shell.h"

namespace meninx::shell {

namespace {

constexpr int64_t kLogRows = 20;

// A non-negative integer argument, or nullopt.
std::optional<int64_t> integer_argument(std::string_view text) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

}  // namespace

void Shell::write_result(const QueryResult& result) {
    auto fmt = options_.mode == OutputMode::Dot ? make_formatter(OutputMode::Table, options_.format)
                                                : formatter();
    fmt->write(result, out());
    out().flush();
}

bool Shell::cmd_log(std::string_view args) {
    if (!db_) {
        err_ << "error: no database is open (see :open)\n";
        return false;
    }
    auto rows = args.empty() ? std::optional<int64_t>(kLogRows) : integer_argument(args);
    if (!rows) {
        err_ << "error: usage: :log [N] (the last N transactions; 0 for all)\n";
        return false;
    }
    QueryResult log = db_->query(
        "CALL db.transactions() YIELD tx, user, time, text, undoOf, added, retracted "
        "RETURN tx, user, time, text, undoOf, added, retracted ORDER BY tx DESC" +
        std::string(*rows > 0 ? " LIMIT " + std::to_string(*rows) : ""));
    if (!log.ok()) {
        err_ << "error: :log: " << log.error->message << '\n';
        return false;
    }
    // Statements of one transaction on one line.
    for (auto& row : log.rows) {
        std::string text = row[3].as_string();
        for (char& c : text) {
            if (c == '\n') c = ' ';
        }
        row[3] = Value(std::move(text));
    }
    write_result(log);
    return true;
}

bool Shell::view_as_of(std::string_view point, std::string_view asked_by) {
    Database& base = live_ ? *live_ : *db_;
    Error error;
    auto past = base.as_of(point, &error);
    if (!past) {
        err_ << "error: " << asked_by << ": " << error.message << '\n';
        return false;
    }
    if (!live_) live_ = std::move(db_);
    db_ = std::move(past);
    refresh_catalog();
    return true;
}

bool Shell::cmd_asof(std::string_view args) {
    if (!db_) {
        err_ << "error: no database is open (see :open)\n";
        return false;
    }
    if (args.empty()) {
        if (auto tx = db_->as_of_transaction()) {
            out() << "reading " << db_->path() << " as it was after transaction " << *tx
                  << " (read-only); :asof now goes back\n";
        } else {
            out() << "reading " << db_->path() << " as it is now\n";
        }
        return true;
    }
    if (args == "now") {
        if (live_) {
            db_ = std::move(live_);
            refresh_catalog();
        }
        return true;
    }
    return view_as_of(args, ":asof");
}

bool Shell::cmd_undo(std::string_view args) {
    if (!db_) {
        err_ << "error: no database is open (see :open)\n";
        return false;
    }
    auto tx = integer_argument(args);
    if (!tx) {
        err_ << "error: usage: :undo TX (a transaction id, see :log)\n";
        return false;
    }
    if (live_) {
        err_ << "error: :undo: the shell shows the past (:asof); go back with :asof now first\n";
        return false;
    }
    // The statement names the transaction itself, so that history shows what was undone.
    QueryResult undone = db_->query("CALL db.undo(" + std::to_string(*tx) + ")");
    if (!undone.ok()) {
        err_ << "error: :undo: " << undone.error->message << '\n';
        return false;
    }
    refresh_catalog();
    write_result(undone);
    return true;
}

}  // namespace meninx::shell
