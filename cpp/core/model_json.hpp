// The pieces that every kind of model file is made of (model_file.hpp, word_model_file.hpp):
// the JSON text read with limits, the "format" and "version" fields, whole-number sizes, a
// vocabulary, and matrices as arrays of rows, read with checks and written exactly.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"
#include "tensor.hpp"
#include "vocab.hpp"

namespace embedlab::model_json {

// JSON whose numbers are float32, written in the shortest form that reads back to the same
// float, and whose keys keep the order they were written in.
using Json = nlohmann::basic_json<nlohmann::ordered_map, std::vector, std::string, bool, std::int64_t,
                                  std::uint64_t, float>;

// Every model file has version 1 so far.
inline constexpr std::int64_t format_version = 1;

// "3.5", "null", "a string", "an array": a JSON value as a message names it.
std::string what_is(const Json& value);

// The JSON object of a model file: at most max_model_file_bytes, valid JSON nested at most
// max_json_depth deep, an object.
Result<Json> parse(std::string_view text);

// Its "format" as a string (any other value is quoted in the message, with `known` listing the
// formats a reader knows, e.g. "\"embedlab-mlp\" or \"embedlab-words\"").
Result<std::string> format_of(const Json& model, const std::string& known);

// "version" is format_version.
Status check_version(const Json& model);

// The whole number `name`, a member of model.
Result<Index> read_size(const Json& model, const char* name);

// The boolean `name`, a member of model.
Result<bool> read_flag(const Json& model, const char* name);

// The member `name` of model as a matrix (rows, cols) or a vector (size); every entry a finite float32.
Status read_matrix(Matrix<float>& m, const Json& model, const char* name, Index rows, Index cols);
Status read_vector(RowVector<float>& v, const Json& model, const char* name, Index size);

// "vocab": the symbols in id order, strings, none repeated.
Result<Vocabulary> read_vocab(const Json& model);

// A matrix as an array of rows, a vector as an array.
Json rows(const Matrix<float>& m);
Json numbers(const RowVector<float>& v);

}  // namespace embedlab::model_json
