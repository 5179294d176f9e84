#include "files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace embedlab::cli {

namespace {
constexpr std::uintmax_t max_file_bytes = 256u * 1024 * 1024;  // no file of the project comes near
}  // namespace

Result<std::string> read_file(const std::string& path) {
  std::error_code failure;
  if (std::filesystem::is_directory(path, failure)) return error("cannot read ", path, ": it is a folder");
  const std::uintmax_t size = std::filesystem::file_size(path, failure);
  if (!failure && size > max_file_bytes) return error("cannot read ", path, ": it is ", size, " bytes, more than 256 MB");
  std::ifstream file(path, std::ios::binary);
  if (!file) return error("cannot open ", path, ": ", std::strerror(errno));
  std::ostringstream text;
  text << file.rdbuf();  // an empty file sets no error here, only text's failbit
  if (file.bad()) return error("cannot read ", path, ": ", std::strerror(errno));
  return text.str();
}

Status write_file(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return error("cannot write ", path, ": ", std::strerror(errno));
  file << text;
  file.close();
  if (!file) return error("cannot write ", path, ": ", std::strerror(errno));
  return {};
}

}  // namespace embedlab::cli
