#include "files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "limits.hpp"
#include "utf8.hpp"

namespace embedlab::cli {

namespace fs = std::filesystem;

std::string shown(const std::string& path) { return path.empty() ? "\"\"" : clip(path, 100); }

Result<std::string> read_file(const std::string& path, std::size_t max_bytes, const char* kind) {
  std::error_code failure;
  if (fs::is_directory(path, failure)) return error("cannot read ", shown(path), ": it is a folder");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return error("cannot open ", shown(path), ": ", std::strerror(errno));
  std::string text;
  std::vector<char> chunk(64 * 1024);
  while (true) {
    const ssize_t got = ::read(fd, chunk.data(), chunk.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int reason = errno;
      ::close(fd);
      return error("cannot read ", shown(path), ": ", std::strerror(reason));
    }
    if (got == 0) break;
    if (text.size() + static_cast<std::size_t>(got) > max_bytes) {
      ::close(fd);
      return too_large(shown(path), max_bytes, kind);
    }
    text.append(chunk.data(), static_cast<std::size_t>(got));
  }
  ::close(fd);
  return text;
}

Result<AnyModel> read_model_file(const std::string& path) {
  auto text = read_file(path, max_model_file_bytes, "a model file");
  if (!text.ok()) return Error{text.message()};
  auto model = read_any_model(text.value());
  if (!model.ok()) return error(shown(path), ": ", model.message());
  return model;
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code failure;
  if (fs::equivalent(a, b, failure)) return true;  // both exist: the same file, however reached
  const fs::path first = fs::weakly_canonical(a, failure);
  if (failure) return false;
  const fs::path second = fs::weakly_canonical(b, failure);
  return !failure && first == second;
}

OutputFile::OutputFile(std::string path, std::string target, std::string temporary, int fd)
    : path_(std::move(path)), target_(std::move(target)), temporary_(std::move(temporary)), fd_(fd) {}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : path_(std::move(other.path_)), target_(std::move(other.target_)), temporary_(std::move(other.temporary_)),
      fd_(other.fd_) {
  other.temporary_.clear();
  other.fd_ = -1;
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

Result<OutputFile> OutputFile::open(const std::string& path) {
  std::error_code failure;
  const fs::file_status status = fs::status(path, failure);
  if (fs::is_directory(status)) return error("cannot write ", shown(path), ": it is a folder");
  if (fs::exists(status) && !fs::is_regular_file(status)) {  // a device or a pipe: nothing to replace
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return error("cannot write ", shown(path), ": ", std::strerror(errno));
    return OutputFile(path, path, "", fd);
  }
  fs::path target = path;  // through a link, the file it points to is replaced, not the link
  if (fs::exists(status)) {
    target = fs::canonical(path, failure);
    if (failure) return error("cannot write ", shown(path), ": ", failure.message());
  }
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
  if (fd < 0) return error("cannot write ", shown(path), ": ", std::strerror(errno));
  OutputFile file(path, target.string(), temporary, fd);
  // mkstemp makes a file that only its owner may read: give it the mode of the file it
  // replaces, or that of a new file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat old {};
  const mode_t mode = ::stat(file.target_.c_str(), &old) == 0 ? (old.st_mode & 07777) : (0666 & ~mask);
  if (::fchmod(fd, mode) != 0) return Error{file.fail().message()};
  return file;
}

Status OutputFile::fail() {
  const int reason = errno;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
  return error("cannot write ", shown(path_), ": ", std::strerror(reason), " (the file is as it was before)");
}

Status OutputFile::commit(const std::string& text) {
  if (fd_ < 0) return error("cannot write ", shown(path_), ": it was written already");
  for (size_t done = 0; done < text.size();) {
    const ssize_t wrote = ::write(fd_, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) return fail();
    done += static_cast<size_t>(wrote);
  }
  const bool in_place = temporary_.empty();
  if (!in_place && ::fsync(fd_) != 0) return fail();
  const int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0 || (!in_place && ::rename(temporary_.c_str(), target_.c_str()) != 0)) return fail();
  temporary_.clear();
  return {};
}

// An output that would overwrite an input (or another output) is refused, however its path is
// spelled: the input would be lost.
Status check_distinct(const char* input_flag, const std::string& input, const char* output_flag,
                      const std::string& output) {
  if (!same_file(input, output)) return {};
  return error(output_flag, " ", shown(output), " is the file given as ", input_flag, ": writing it would destroy ",
               "it; choose another ", output_flag);
}

}  // namespace embedlab::cli
