// Reading and writing whole files for the command line: the only file I/O of the project (the
// core takes and gives text).
#pragma once

#include <cstddef>
#include <string>

#include "model_file.hpp"
#include "status.hpp"

namespace embedlab::cli {

// A path as messages show it: its first 100 characters, on one line ("" when it is empty).
std::string shown(const std::string& path);

// The bytes of a file, at most max_bytes of them: reading stops at the first byte beyond, so a
// device (/dev/zero) or a pipe, which has no size to check first, is refused as soon as it
// passes the limit. The message names the file, what went wrong and the limit for a `kind` of
// file ("a text", "a model file").
Result<std::string> read_file(const std::string& path, std::size_t max_bytes, const char* kind);

// A model file of either kind (read_any_model), read with the limit for a model file; messages
// start with its path.
Result<AnyModel> read_model_file(const std::string& path);

// True when the two paths name one file, however spelled: "x.txt" and "./x.txt", a link and
// its target, or two paths of a file that does not exist yet.
bool same_file(const std::string& a, const std::string& b);

// A file to be replaced without losing the old one: open() makes a temporary file in the same
// folder, so a folder that does not exist or cannot be written is an error before any work is
// done; commit() writes the whole text there and only then renames it over the file. A failed
// write (a full disk, `ulimit -f`) leaves the previous file as it was, and the temporary file is
// removed. A path that is a device or a pipe (/dev/null, /dev/stdout) is written directly.
class OutputFile {
 public:
  static Result<OutputFile> open(const std::string& path);

  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // removes the temporary file unless commit() succeeded

  // Writes text and puts it in place of the file.
  Status commit(const std::string& text);

 private:
  OutputFile(std::string path, std::string target, std::string temporary, int fd);
  Status fail();  // after a failed call: closes, removes the temporary file, names errno

  std::string path_;       // as given, for messages
  std::string target_;     // the file that is replaced (through a link, the file it points to)
  std::string temporary_;  // beside the target; empty when writing directly, or once renamed
  int fd_ = -1;
};

// An output that would overwrite an input (or another output) is refused, however its path is
// spelled: the input would be lost.
Status check_distinct(const char* input_flag, const std::string& input, const char* output_flag, const std::string& output);

}  // namespace embedlab::cli
