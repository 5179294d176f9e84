// Errors as values: every core function that can fail returns a Status or a Result<T>.
//
// The core never throws, exits or aborts on bad input: it runs inside a WebAssembly module that a
// page keeps using after a mistake, so a bad id or a bad temperature must come back as a message
// the page can show ("id 7 out of range for a vocabulary of 5"), not as a crash.
#pragma once

#include <sstream>
#include <string>
#include <utility>
#include <variant>

namespace embedlab {

// What went wrong, in words that name the bad value.
struct Error {
  std::string message;
};

// Builds an Error from pieces streamed together: error("id ", id, " out of range").
template <class... Parts>
Error error(const Parts&... parts) {
  std::ostringstream text;
  (text << ... << parts);
  return Error{text.str()};
}

// Success, or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;  // success
  Status(Error failure) : failed_(true), message_(std::move(failure.message)) {}

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }  // empty on success

 private:
  bool failed_ = false;
  std::string message_;
};

// A value of type T, or an Error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error failure) : state_(std::move(failure)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }

  // The value; asking for it after a failure throws std::bad_variant_access (a caller's bug,
  // never reached by the WASM layer, which checks ok() first).
  const T& value() const { return std::get<T>(state_); }
  T& value() { return std::get<T>(state_); }

  const std::string& message() const {  // empty on success
    static const std::string none;
    return ok() ? none : std::get<Error>(state_).message;
  }
  Status status() const { return ok() ? Status() : Status(std::get<Error>(state_)); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace embedlab
