#include "model_file.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "json_reader.hpp"
#include "limits.hpp"
#include "utf8.hpp"

namespace embedlab {

namespace {

// JSON whose numbers are float32, written in the shortest form that reads back to the same
// float, and whose keys keep the order they were written in.
using Json = nlohmann::basic_json<nlohmann::ordered_map, std::vector, std::string, bool, std::int64_t,
                                  std::uint64_t, float>;

constexpr const char* format_name = "embedlab-mlp";
constexpr std::int64_t format_version = 1;

// "3.5", "null", "a string", "an array": a JSON value as a message names it.
std::string what_is(const Json& value) {
  if (value.is_number() || value.is_boolean() || value.is_null()) return value.dump();
  return std::string(value.is_array() || value.is_object() ? "an " : "a ") + value.type_name();
}

Result<const Json*> member(const Json& model, const char* name) {
  const auto found = model.find(name);
  if (found == model.end()) return error("\"", name, "\" is missing");
  return &*found;
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

Json numbers(const float* values, Index count) { return Json(std::vector<float>(values, values + count)); }

Json rows(const Matrix<float>& m) {
  Json json = Json::array();
  for (Index r = 0; r < m.rows(); ++r) json.push_back(numbers(m.row(r).data(), m.cols()));
  return json;
}

}  // namespace

Status check_activations(const Vocabulary& vocab, const Mlp<float>& mlp) {
  const Index V = mlp.W2.cols(), H = mlp.W1.cols(), d = mlp.C.cols();
  const Eigen::RowVectorXd largest_x = mlp.C.cast<double>().cwiseAbs().colwise().maxCoeff();  // (d)
  for (Index k = 0; k < H; ++k) {
    double bound = std::abs(static_cast<double>(mlp.b1[k]));
    for (Index i = 0; i < mlp.W1.rows(); ++i) bound += largest_x[i % d] * std::abs(static_cast<double>(mlp.W1(i, k)));
    if (!(bound <= max_activation)) {
      return error("hidden unit ", k, " can reach ", bound, " before tanh (from C, W1 and b1), beyond the ",
                   max_activation, " that float32 computes safely: this model overflows");
    }
  }
  for (Index v = 0; v < V; ++v) {
    const double bound = mlp.W2.col(v).cast<double>().cwiseAbs().sum() + std::abs(static_cast<double>(mlp.b2[v]));
    if (!(bound <= max_activation)) {
      return error("the logit of symbol ", quote(vocab.symbols()[static_cast<size_t>(v)]), " (id ", v, ") can reach ",
                   bound, " (from W2 and b2), beyond the ", max_activation,
                   " that float32 computes safely: this model overflows");
    }
  }
  return {};
}

Result<std::string> write_model(const Vocabulary& vocab, const Mlp<float>& mlp) {
  if (Status s = check_mlp(mlp); !s.ok()) return Error{s.message()};
  if (vocab.size() != mlp.C.rows()) {
    return error("the vocabulary has ", vocab.size(), " symbols but the model has ", mlp.C.rows());
  }
  if (Status s = check_finite("C", mlp.C); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("W1", mlp.W1); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("b1", mlp.b1); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("W2", mlp.W2); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("b2", mlp.b2); !s.ok()) return Error{s.message()};
  if (Status s = check_activations(vocab, mlp); !s.ok()) return Error{s.message()};
  Json model;
  model["format"] = format_name;
  model["version"] = format_version;
  model["vocab"] = vocab.symbols();
  model["context"] = mlp.context;
  model["embed"] = mlp.C.cols();
  model["hidden"] = mlp.W1.cols();
  model["C"] = rows(mlp.C);
  model["W1"] = rows(mlp.W1);
  model["b1"] = numbers(mlp.b1.data(), mlp.b1.size());
  model["W2"] = rows(mlp.W2);
  model["b2"] = numbers(mlp.b2.data(), mlp.b2.size());
  return model.dump() + "\n";
}

Result<SavedModel> read_model(std::string_view text) {
  if (text.size() > max_model_file_bytes) return too_large("the model file", max_model_file_bytes, "a model file");
  auto parsed = read_json<Json>(text, "the model file");
  if (!parsed.ok()) return Error{parsed.message()};
  const Json& model = parsed.value();
  if (!model.is_object()) return error("the model file must hold a JSON object, not ", what_is(model));
  auto format = member(model, "format");
  if (!format.ok()) return Error{format.message()};
  if (*format.value() != format_name) {
    const Json& given = *format.value();
    return error("\"format\" is ", given.is_string() ? quote(given.get_ref<const std::string&>()) : what_is(given),
                 ", not \"", format_name, "\": this is not an Embedding Lab model");
  }
  auto version = read_size(model, "version");
  if (!version.ok()) return Error{version.message()};
  if (version.value() != format_version) {
    return error("version ", version.value(), " is not supported: this reader knows version ", format_version);
  }
  auto vocab = read_vocab(model);
  if (!vocab.ok()) return Error{vocab.message()};
  Mlp<float> mlp;
  auto context = read_size(model, "context"), embed = read_size(model, "embed"), hidden = read_size(model, "hidden");
  for (const auto* size : {&context, &embed, &hidden}) {
    if (!size->ok()) return Error{size->message()};
  }
  const Index V = vocab.value().size(), B = context.value(), d = embed.value(), H = hidden.value();
  if (Status s = check_mlp_sizes(V, B, d, H); !s.ok()) return Error{s.message()};
  mlp.context = B;
  if (Status s = read_matrix(mlp.C, model, "C", V, d); !s.ok()) return Error{s.message()};
  if (Status s = read_matrix(mlp.W1, model, "W1", B * d, H); !s.ok()) return Error{s.message()};
  if (Status s = read_vector(mlp.b1, model, "b1", H); !s.ok()) return Error{s.message()};
  if (Status s = read_matrix(mlp.W2, model, "W2", H, V); !s.ok()) return Error{s.message()};
  if (Status s = read_vector(mlp.b2, model, "b2", V); !s.ok()) return Error{s.message()};
  if (Status s = check_activations(vocab.value(), mlp); !s.ok()) return Error{s.message()};
  return SavedModel{std::move(vocab.value()), std::move(mlp)};
}

std::string projector_vectors(const Matrix<float>& table) {
  std::string tsv;
  for (Index r = 0; r < table.rows(); ++r) {
    for (Index c = 0; c < table.cols(); ++c) tsv += (c > 0 ? "\t" : "") + Json(table(r, c)).dump();
    tsv += '\n';
  }
  return tsv;
}

std::string projector_metadata(const Vocabulary& vocab) {
  std::string tsv;
  for (const std::string& symbol : vocab.symbols()) {
    for (char c : symbol) {
      switch (c) {
        case '\t': tsv += "\\t"; break;
        case '\n': tsv += "\\n"; break;
        case '\r': tsv += "\\r"; break;
        case '\\': tsv += "\\\\"; break;
        default: tsv += c;
      }
    }
    tsv += '\n';
  }
  return tsv;
}

}  // namespace embedlab
