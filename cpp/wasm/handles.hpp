// What the WASM interface files share: status codes, the last error, the tables of objects that
// JavaScript holds by handle, and the checks every export makes. Only the files of cpp/wasm
// include it.
//
// Only numbers cross. C++ keeps the objects (matrices, vocabularies, generators, trainers,
// models) in tables and JavaScript holds their handles, small positive integers. A call that can
// fail returns a status (0 = ok, 1 = error), a handle (0 = error) or a pointer (null = error);
// el_last_error() then gives the message, which web/src/core/ throws as a CoreError. Named
// data (settings, facts, results of several numbers) crosses as JSON text with named fields.
//
// Nothing here exits or aborts on bad input, and no exception reaches JavaScript: sizes and
// counts are checked before memory is sized, and every export that allocates more than its error
// message runs inside guarded(), which turns an exception (std::bad_alloc when the module's
// memory is full) into a failure. Results are computed into new matrices and moved into their
// output matrix only when complete, because an Eigen matrix that fails to grow is left broken.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "json_reader.hpp"
#include "model_file.hpp"
#include "rng.hpp"
#include "tensor.hpp"
#include "trainer.hpp"
#include "vocab.hpp"
#include "word_training.hpp"

namespace embedlab::wasm {

using FloatMatrix = Matrix<float>;
using Json = nlohmann::json;

inline constexpr int ok = 0;
inline constexpr int failed = 1;
inline constexpr double max_entries = 64.0 * 1024 * 1024;  // 256 MB of floats in one matrix
inline constexpr double max_whole = 9007199254740992.0;    // 2^53: JavaScript's numbers are exact up to it
inline constexpr std::int64_t max_whole_int = std::int64_t{1} << 53;

inline std::string last_error;  // the message of the most recent failure
inline std::string last_text;   // text returned by the most recent call that returns text

// The byte at or before `at` where a UTF-8 character starts.
inline size_t character_start(std::string_view text, size_t at) {
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// A message of at most about 300 bytes: a longer one (one that quotes a long value) keeps its
// beginning and its end, which say what was wrong, and says how much was left out between.
inline std::string bounded(std::string_view message) {
  constexpr size_t head = 200, tail = 100;
  if (message.size() <= head + tail) return std::string(message);
  const size_t cut = character_start(message, head), resume = character_start(message, message.size() - tail);
  return std::string(message.substr(0, cut)) + "… (" + std::to_string(resume - cut) + " bytes left out) …" +
         std::string(message.substr(resume));
}

// Records a failure's message and returns `value`, what the caller returns for "failed".
template <class T>
T fail_with(T value, const std::string& message) {
  last_error = bounded(message);
  return value;
}
inline int fail(const std::string& message) { return fail_with(failed, message); }
inline int report(const Status& status) { return status.ok() ? ok : fail(status.message()); }

// Runs the body of an export and returns what it returns; an exception becomes a failure that
// returns `failure` instead of crossing into JavaScript.
template <class T, class Body>
T guarded(T failure, Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail_with(failure, "the core's memory is full: free some matrices, models or trainers and try again");
  } catch (const std::exception& e) {
    return fail_with(failure, std::string("the core failed: ") + e.what());
  }
}

// Text handed back to JavaScript: kept until the next such call.
inline const char* keep_text(std::string text) {
  last_text = std::move(text);
  return last_text.c_str();
}

// JSON handed back to JavaScript, as text kept until the next such call. Invalid UTF-8 in a
// string (a symbol cannot hold any) would be replaced, not thrown.
inline const char* keep_json(const Json& value) {
  return keep_text(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// A JSON object from text (length bytes); `what` names it in messages.
inline Result<Json> read_json_object(std::string_view text, const char* what) {
  Result<Json> value = read_json<Json>(text, what);
  if (!value.ok()) return value;
  if (!value.value().is_object()) return error(what, " must be a JSON object, not ", quote(text));
  return value;
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
    return fail_with<T*>(nullptr, std::string("no ") + kind_ + " with handle " + std::to_string(handle));
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
// A trainer of either model kind: running, a split's loss, its facts and freeing take either; the
// other exports ask for their kind with trainer_of.
using AnyTrainer = std::variant<Trainer, WordTrainer>;
template <class T>
inline constexpr const char* kind_name = nullptr;
template <>
inline constexpr const char* kind_name<Trainer> = "character MLP";
template <>
inline constexpr const char* kind_name<WordTrainer> = "word model";
inline Table<AnyTrainer> trainers("trainer");
inline Table<SavedModel> models("model");
inline Table<SavedWordModel> word_models("word model");  // word models read from files

// A word model, whatever holds it: a word trainer (its current weights) or a file read into
// word_models. The exports that ask a word model something take its holder and its handle.
struct WordModelOf {
  const Vocabulary& vocab;        // V: ".", "<unk>", then the kept words
  const WordModel<float>& model;  // E (V, d), W_U (d, V) unless tied, b (V)
};
inline constexpr int held_by_trainer = 0;  // the handle is a word trainer's, in trainers
inline constexpr int held_by_file = 1;     // the handle is a loaded word model's, in word_models

// The trainer of `handle` if it trains a model of kind T; else null, and an error naming both kinds.
template <class T>
T* trainer_of(int handle) {
  AnyTrainer* any = trainers.find(handle);
  if (!any) return nullptr;
  if (T* t = std::get_if<T>(any)) return t;
  const char* kind = std::visit([](const auto& t) { return kind_name<std::decay_t<decltype(t)>>; }, *any);
  return fail_with<T*>(nullptr, std::string("trainer ") + std::to_string(handle) + " trains a " + kind + ", not a " + kind_name<T>);
}

// The word model of `handle` in the table `holder` names (held_by_trainer or held_by_file); else
// nothing, and an error that names what is missing.
inline std::optional<WordModelOf> word_model_of(int holder, int handle) {
  if (holder == held_by_file) {
    const SavedWordModel* m = word_models.find(handle);
    if (!m) return std::nullopt;
    return WordModelOf{m->vocab, m->model};
  }
  if (holder != held_by_trainer) {
    return fail_with(std::optional<WordModelOf>{}, "holder " + std::to_string(holder) + " is neither a trainer (0) nor a file (1)");
  }
  const WordTrainer* t = trainer_of<WordTrainer>(handle);
  if (!t) return std::nullopt;
  return WordModelOf{t->data().vocab, t->model()};
}

// A whole number from -2^53 to 2^53 (a JavaScript number that is an exact integer).
inline bool is_whole(double value) { return std::abs(value) <= max_whole && value == std::floor(value); }

// value as a whole number from min to max, or an error that names it: "k 1.5 is not a whole number".
inline Result<std::int64_t> whole_number(const char* name, double value, std::int64_t min, std::int64_t max) {
  if (!is_whole(value)) return error(name, " ", value, " is not a whole number");
  const auto whole = static_cast<std::int64_t>(value);
  if (whole < min || whole > max) return error(name, " ", whole, " is out of range: it must be from ", min, " to ", max);
  return whole;
}

// value as a float32, or an error when it is finite but beyond float32's range (NaN and the
// infinities pass: the core names them).
inline Result<float> to_float(const char* name, double value) {
  if (std::isfinite(value) && std::abs(value) > std::numeric_limits<float>::max()) {
    return error(name, " ", value, " is beyond the range of float32 (at most ", std::numeric_limits<float>::max(), ")");
  }
  return static_cast<float>(value);
}

// A rows x cols matrix can exist and fits in max_entries.
inline Status check_size(double rows, double cols) {
  if (!(is_whole(rows) && is_whole(cols) && rows >= 0 && cols >= 0)) {
    return error("a matrix of ", rows, " x ", cols, " cannot exist: sizes are whole numbers >= 0");
  }
  if (rows * cols > max_entries) {
    return error("a matrix of ", static_cast<std::int64_t>(rows), " x ", static_cast<std::int64_t>(cols),
                 " entries is too large: at most ", static_cast<std::int64_t>(max_entries), " fit in one matrix");
  }
  return {};
}

// Computes a new matrix with compute(FloatMatrix&) -> Status and moves it into the output
// matrix `out` when it succeeds; `out` keeps its old entries when it fails.
template <class Compute>
int into(int out, Compute compute) {
  FloatMatrix* o = matrices.find(out);
  if (!o) return failed;
  FloatMatrix result;
  if (Status s = compute(result); !s.ok()) return fail(s.message());
  *o = std::move(result);
  return ok;
}

inline Ids to_ids(const int* ids, int count) { return count > 0 ? Ids(ids, ids + count) : Ids(); }

inline std::string_view to_text(const char* text, int length) {
  return length > 0 ? std::string_view(text, static_cast<size_t>(length)) : std::string_view();
}

// A float as JSON: the exact float32 value, so JavaScript reads the number the core holds.
inline Json exact(float value) { return static_cast<double>(value); }

// A setting as JSON: the shortest decimal that reads back as the float32 value (0.1f gives 0.1,
// not 0.10000000149011612), so that a page shows it as it was typed.
inline Json shortest(float value) {
  for (int digits = 1; digits < 9; ++digits) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    if (std::strtof(text, nullptr) == value) return std::strtod(text, nullptr);
  }
  return static_cast<double>(value);
}

}  // namespace embedlab::wasm
