// What the WASM interface files share: status codes, the last error, and the tables of objects
// that JavaScript holds by handle. Only the files of cpp/wasm include it.
//
// Only numbers cross. C++ keeps the objects (matrices, vocabularies, generators, trainers,
// models) in tables and JavaScript holds their handles, small positive integers. A call that can
// fail returns a status (0 = ok, 1 = error) or a handle (0 = error); el_last_error() then gives
// the message, which web/src/core.js throws as a JavaScript Error. Nothing here throws, exits or
// aborts on bad input, so a page keeps working after a mistake.
#pragma once

#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "model_file.hpp"
#include "rng.hpp"
#include "tensor.hpp"
#include "trainer.hpp"
#include "vocab.hpp"

namespace embedlab::wasm {

using FloatMatrix = Matrix<float>;

inline constexpr int ok = 0;
inline constexpr int failed = 1;
inline constexpr double max_entries = 64.0 * 1024 * 1024;  // 256 MB of floats in one matrix

inline std::string last_error;  // the message of the most recent failure
inline std::string last_text;   // text returned by the most recent call that returns text

// Records a failure's message and returns `value`, what the caller returns for "failed".
template <class T>
T fail_with(T value, const std::string& message) {
  last_error = message;
  return value;
}
inline int fail(const std::string& message) { return fail_with(failed, message); }
inline int report(const Status& status) { return status.ok() ? ok : fail(status.message()); }

// Text handed back to JavaScript: kept until the next such call.
inline const char* keep_text(std::string text) {
  last_text = std::move(text);
  return last_text.c_str();
}

// Objects of one kind, by handle. Handles start at 1 and are never reused.
template <class T>
class Table {
 public:
  explicit Table(const char* kind) : kind_(kind) {}
  int add(T object) {
    objects_.emplace(next_, std::make_unique<T>(std::move(object)));
    return next_++;
  }
  T* find(int handle) {
    auto found = objects_.find(handle);
    if (found != objects_.end()) return found->second.get();
    last_error = std::string("no ") + kind_ + " with handle " + std::to_string(handle);
    return nullptr;
  }
  int remove(int handle) {
    return objects_.erase(handle) == 1 ? ok : fail(std::string("no ") + kind_ + " with handle " + std::to_string(handle));
  }

 private:
  const char* kind_;
  int next_ = 1;
  std::map<int, std::unique_ptr<T>> objects_;
};

inline Table<FloatMatrix> matrices("matrix");
inline Table<Vocabulary> vocabularies("vocabulary");
inline Table<Rng> generators("random generator");
inline Table<Trainer> trainers("trainer");
inline Table<SavedModel> models("model");

inline Status check_size(double rows, double cols) {
  if (!(rows >= 0 && cols >= 0 && rows == std::floor(rows) && cols == std::floor(cols))) {
    return error("a matrix of ", rows, " x ", cols, " cannot exist: sizes are whole numbers >= 0");
  }
  if (rows * cols > max_entries) {
    return error("a matrix of ", rows, " x ", cols, " = ", rows * cols, " entries is too large (at most ",
                 max_entries, ")");
  }
  return {};
}

inline Ids to_ids(const int* ids, int count) { return count > 0 ? Ids(ids, ids + count) : Ids(); }

inline std::string_view to_text(const char* text, int length) { return {text, static_cast<size_t>(length)}; }

}  // namespace embedlab::wasm
