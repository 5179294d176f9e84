// Reading and writing whole files for the command line: the only file I/O of the project (the
// core takes and gives text).
#pragma once

#include <string>

#include "status.hpp"

namespace embedlab::cli {

// The bytes of a file, or a message naming the file and what went wrong.
Result<std::string> read_file(const std::string& path);

// Writes text to a file, replacing it.
Status write_file(const std::string& path, const std::string& text);

}  // namespace embedlab::cli
