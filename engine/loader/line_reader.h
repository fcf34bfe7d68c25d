// LineReader: reads a text file line by line for the loaders, from a plain file or, for a name
// ending in .gz, from the output of `gzip -dc`. Lines may end in LF or CRLF (the CR is dropped),
// and the last line may lack its line end. It counts lines and bytes, for messages ("FILE:LINE")
// and progress. A LineReader owns its file (and the gzip process); one thread at a time.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace meninx::loader {

class LineReader {
  public:
    // Opens `path`. Throws meninx::Exception (Io) when it cannot be read.
    explicit LineReader(const std::string& path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // Reads the next line into `line` without its line end; false at the end of the file.
    // Throws meninx::Exception (Io) on a read error or a corrupt .gz file.
    bool next(std::string& line);

    const std::string& path() const { return path_; }
    // The 1-based number of the line last read (0 before the first).
    int64_t line_number() const { return line_number_; }
    // Bytes of text read so far (for a .gz file: of the decompressed text).
    uint64_t bytes_read() const { return bytes_read_; }
    // The size of the file on disk.
    uint64_t file_size() const { return file_size_; }
    bool compressed() const { return gzip_pid_ > 0; }

  private:
    void finish_gzip();

    std::string path_;
    FILE* file_ = nullptr;
    pid_t gzip_pid_ = 0;
    char* buffer_ = nullptr;
    size_t capacity_ = 0;
    int64_t line_number_ = 0;
    uint64_t bytes_read_ = 0;
    uint64_t file_size_ = 0;
};

// True when `path` names a gzip-compressed file (ends in .gz).
bool is_gzip_path(const std::string& path);

// `path` without a trailing .gz, for recognising the format by its extension.
std::string without_gzip_suffix(const std::string& path);

}  // namespace meninx::loader
