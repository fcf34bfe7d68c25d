// Helpers for the storage tests: a fresh temporary directory per test, removed afterwards, and
// reading a file's bytes to check that a refused open left it untouched.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>

#include "storage/sqlite_store.h"

namespace meninx::storage::testing {

// A directory under the system temp dir, created empty and removed (with its contents) at the
// end of the scope.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        auto base = std::filesystem::temp_directory_path();
        path_ =
            base / ("meninx-storage-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        // Restore permissions a test may have taken away, so that removal works.
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

inline std::unique_ptr<SqliteStore> open_memory() { return SqliteStore::open(":memory:", {}); }

inline OpenOptions read_only_options() {
    OpenOptions options;
    options.read_only = true;
    options.create = false;
    return options;
}

}  // namespace meninx::storage::testing
