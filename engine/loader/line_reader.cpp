// Reading text files line by line, plain or through gzip.
#include "loader/line_reader.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "meninx/error.h"

extern char** environ;

namespace meninx::loader {

namespace {

[[noreturn]] void io_error(const std::string& message) { throw Exception(ErrorKind::Io, message); }

// Starts `gzip -dc -- path` with its standard output on a pipe; returns the read end as a FILE*
// and the process id in `*pid`.
FILE* spawn_gzip(const std::string& path, pid_t* pid) {
    int fds[2];
    if (pipe(fds) != 0) io_error("cannot read " + path + ": " + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    // gzip's own complaint would duplicate ours.
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string program = "gzip", dash_d = "-dc", end = "--", file = path;
    char* argv[] = {program.data(), dash_d.data(), end.data(), file.data(), nullptr};
    int rc = posix_spawnp(pid, "gzip", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        io_error("cannot read " + path + ": the gzip program could not be started (" +
                 std::strerror(rc) + ")");
    }
    FILE* in = fdopen(fds[0], "r");
    if (!in) {
        close(fds[0]);
        kill(*pid, SIGTERM);
        waitpid(*pid, nullptr, 0);
        io_error("cannot read " + path + ": " + std::strerror(errno));
    }
    return in;
}

}  // namespace

bool is_gzip_path(const std::string& path) {
    return path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
}

std::string without_gzip_suffix(const std::string& path) {
    return is_gzip_path(path) ? path.substr(0, path.size() - 3) : path;
}

LineReader::LineReader(const std::string& path) : path_(path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) io_error("cannot read " + path + ": a directory");
    auto size = std::filesystem::file_size(path, ec);
    if (ec) io_error("cannot read " + path + ": " + ec.message());
    file_size_ = size;
    if (is_gzip_path(path)) {
        if (access(path.c_str(), R_OK) != 0) {
            io_error("cannot read " + path + ": " + std::strerror(errno));
        }
        file_ = spawn_gzip(path, &gzip_pid_);
    } else {
        file_ = std::fopen(path.c_str(), "rb");
        if (!file_) io_error("cannot read " + path + ": " + std::strerror(errno));
    }
}

LineReader::~LineReader() {
    if (gzip_pid_ > 0) {
        // Stopped early: the gzip process may be blocked writing; end it.
        kill(gzip_pid_, SIGTERM);
    }
    if (file_) std::fclose(file_);
    if (gzip_pid_ > 0) waitpid(gzip_pid_, nullptr, 0);
    std::free(buffer_);
}

void LineReader::finish_gzip() {
    if (gzip_pid_ <= 0) return;
    std::fclose(file_);
    file_ = nullptr;
    int status = 0;
    waitpid(gzip_pid_, &status, 0);
    gzip_pid_ = 0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        io_error("cannot read " + path_ + ": gzip reports a corrupt or truncated file");
    }
}

bool LineReader::next(std::string& line) {
    if (!file_) return false;
    errno = 0;
    ssize_t n = getline(&buffer_, &capacity_, file_);
    if (n < 0) {
        if (std::ferror(file_)) io_error("cannot read " + path_ + ": " + std::strerror(errno));
        finish_gzip();
        return false;
    }
    bytes_read_ += static_cast<uint64_t>(n);
    ++line_number_;
    size_t length = static_cast<size_t>(n);
    if (length > 0 && buffer_[length - 1] == '\n') --length;
    if (length > 0 && buffer_[length - 1] == '\r') --length;
    line.assign(buffer_, length);
    return true;
}

}  // namespace meninx::loader
