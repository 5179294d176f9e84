#include "model_json.hpp"

#include <limits>

#include "json_reader.hpp"
#include "limits.hpp"
#include "utf8.hpp"

namespace embedlab::model_json {

namespace {

Result<const Json*> member(const Json& model, const char* name) {
  const auto found = model.find(name);
  if (found == model.end()) return error("\"", name, "\" is missing");
  return &*found;
}

// The `count` numbers of the JSON array `values` into out; `what` names the array in messages.
Status read_numbers(float* out, const Json& values, const std::string& what, Index count) {
  if (!values.is_array()) return error(what, " must be an array of ", count, " numbers, not ", what_is(values));
  if (static_cast<Index>(values.size()) != count) {
    return error(what, " has ", values.size(), " numbers but ", count, " are needed");
  }
  for (Index i = 0; i < count; ++i) {
    const Json& value = values[static_cast<size_t>(i)];
    if (!value.is_number()) return error(what, ": entry ", i, " is ", what_is(value), ", not a number");
    out[i] = value.get<float>();  // finite: the parser rejects a number beyond float32's range
  }
  return {};
}

Json numbers(const float* values, Index count) { return Json(std::vector<float>(values, values + count)); }

}  // namespace

std::string what_is(const Json& value) {
  if (value.is_number() || value.is_boolean() || value.is_null()) return value.dump();
  return std::string(value.is_array() || value.is_object() ? "an " : "a ") + value.type_name();
}

Result<Json> parse(std::string_view text) {
  if (text.size() > max_model_file_bytes) return too_large("the model file", max_model_file_bytes, "a model file");
  auto parsed = read_json<Json>(text, "the model file");
  if (!parsed.ok()) return Error{parsed.message()};
  if (!parsed.value().is_object()) return error("the model file must hold a JSON object, not ", what_is(parsed.value()));
  return parsed;
}

Result<std::string> format_of(const Json& model, const std::string& known) {
  auto format = member(model, "format");
  if (!format.ok()) return Error{format.message()};
  const Json& given = *format.value();
  if (given.is_string()) return given.get<std::string>();
  return error("\"format\" is ", what_is(given), ", not ", known, ": this is not an Embedding Lab model");
}

Status check_version(const Json& model) {
  auto version = read_size(model, "version");
  if (!version.ok()) return version.status();
  if (version.value() != format_version) {
    return error("version ", version.value(), " is not supported: this reader knows version ", format_version);
  }
  return {};
}

Result<Index> read_size(const Json& model, const char* name) {
  auto value = member(model, name);
  if (!value.ok()) return Error{value.message()};
  if (!value.value()->is_number_integer()) {
    return error("\"", name, "\" must be a whole number, not ", what_is(*value.value()));
  }
  if (value.value()->is_number_unsigned() && value.value()->get<std::uint64_t>() > std::numeric_limits<Index>::max()) {
    return error("\"", name, "\" ", value.value()->dump(), " is too large");
  }
  return static_cast<Index>(value.value()->get<std::int64_t>());
}

Result<bool> read_flag(const Json& model, const char* name) {
  auto value = member(model, name);
  if (!value.ok()) return Error{value.message()};
  if (!value.value()->is_boolean()) return error("\"", name, "\" must be true or false, not ", what_is(*value.value()));
  return value.value()->get<bool>();
}

Status read_matrix(Matrix<float>& m, const Json& model, const char* name, Index rows, Index cols) {
  auto value = member(model, name);
  if (!value.ok()) return value.status();
  const Json& json = *value.value();
  if (!json.is_array()) return error("\"", name, "\" must be an array of ", rows, " rows, not ", what_is(json));
  if (static_cast<Index>(json.size()) != rows) {
    return error("\"", name, "\" has ", json.size(), " rows but ", rows, " are needed");
  }
  m.resize(rows, cols);
  for (Index r = 0; r < rows; ++r) {
    const std::string what = "row " + std::to_string(r) + " of \"" + name + "\"";
    if (Status s = read_numbers(m.row(r).data(), json[static_cast<size_t>(r)], what, cols); !s.ok()) return s;
  }
  return {};
}

Status read_vector(RowVector<float>& v, const Json& model, const char* name, Index size) {
  auto value = member(model, name);
  if (!value.ok()) return value.status();
  v.resize(size);
  return read_numbers(v.data(), *value.value(), std::string("\"") + name + "\"", size);
}

Result<Vocabulary> read_vocab(const Json& model) {
  auto value = member(model, "vocab");
  if (!value.ok()) return Error{value.message()};
  const Json& json = *value.value();
  if (!json.is_array()) return error("\"vocab\" must be an array of symbols, not ", what_is(json));
  std::vector<std::string> symbols;
  for (size_t id = 0; id < json.size(); ++id) {
    if (!json[id].is_string()) return error("\"vocab\": the symbol at id ", id, " is ", what_is(json[id]), ", not a string");
    symbols.push_back(json[id].get<std::string>());
  }
  auto vocab = Vocabulary::from_symbols(std::move(symbols));
  if (!vocab.ok()) return error("\"vocab\": ", vocab.message());
  return vocab;
}

Json rows(const Matrix<float>& m) {
  Json json = Json::array();
  for (Index r = 0; r < m.rows(); ++r) json.push_back(numbers(m.row(r).data(), m.cols()));
  return json;
}

Json numbers(const RowVector<float>& v) { return numbers(v.data(), v.size()); }

}  // namespace embedlab::model_json
