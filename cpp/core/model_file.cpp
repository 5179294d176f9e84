#include "model_file.hpp"

#include <cmath>
#include <utility>

#include "limits.hpp"
#include "utf8.hpp"

namespace embedlab {

namespace {

using model_json::Json;

constexpr const char* format_name = "embedlab-mlp";
constexpr const char* known_formats = "\"embedlab-mlp\" or \"embedlab-words\"";
// Each kind of file as a reader that wants the other names it; the page's sections are named
// because a file of the other kind was most likely saved by the other section.
constexpr const char* mlp_file = "\"embedlab-mlp\" file (section 7's character model)";
constexpr const char* words_file = "\"embedlab-words\" file (section 8's word model)";

// A model file of one kind where the other was wanted.
Error wrong_kind(const char* found, const char* wanted) { return error("this is an ", found, ", not an ", wanted); }

// The MLP of a parsed file whose format is "embedlab-mlp".
Result<SavedModel> mlp_from_json(const Json& model) {
  using namespace model_json;
  if (Status s = check_version(model); !s.ok()) return Error{s.message()};
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
  model["version"] = model_json::format_version;
  model["vocab"] = vocab.symbols();
  model["context"] = mlp.context;
  model["embed"] = mlp.C.cols();
  model["hidden"] = mlp.W1.cols();
  model["C"] = model_json::rows(mlp.C);
  model["W1"] = model_json::rows(mlp.W1);
  model["b1"] = model_json::numbers(mlp.b1);
  model["W2"] = model_json::rows(mlp.W2);
  model["b2"] = model_json::numbers(mlp.b2);
  return model.dump() + "\n";
}

Result<AnyModel> read_any_model(std::string_view text) {
  auto parsed = model_json::parse(text);
  if (!parsed.ok()) return Error{parsed.message()};
  const Json& model = parsed.value();
  auto format = model_json::format_of(model, known_formats);
  if (!format.ok()) return Error{format.message()};
  if (format.value() == format_name) {
    auto mlp = mlp_from_json(model);
    if (!mlp.ok()) return Error{mlp.message()};
    return AnyModel{std::move(mlp.value())};
  }
  if (format.value() == word_model_format) {
    auto words = word_model_from_json(model);
    if (!words.ok()) return Error{words.message()};
    return AnyModel{std::move(words.value())};
  }
  return error("\"format\" is ", quote(format.value()), ", not ", known_formats, ": this is not an Embedding Lab model");
}

Result<SavedModel> read_model(std::string_view text) {
  auto model = read_any_model(text);
  if (!model.ok()) return Error{model.message()};
  if (auto* mlp = std::get_if<SavedModel>(&model.value())) return std::move(*mlp);
  return wrong_kind(words_file, mlp_file);
}

Result<SavedWordModel> read_word_model(std::string_view text) {
  auto model = read_any_model(text);
  if (!model.ok()) return Error{model.message()};
  if (auto* words = std::get_if<SavedWordModel>(&model.value())) return std::move(*words);
  return wrong_kind(mlp_file, words_file);
}

std::string projector_vectors(const Matrix<float>& table) {
  std::string tsv;
  for (Index r = 0; r < table.rows(); ++r) {
    for (Index c = 0; c < table.cols(); ++c) tsv += (c > 0 ? "\t" : "") + Json(table(r, c)).dump();
    tsv += '\n';
  }
  return tsv;
}

std::string projector_metadata(const std::vector<std::string>& symbols) {
  std::string tsv;
  for (const std::string& symbol : symbols) {
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

std::string projector_metadata(const Vocabulary& vocab) { return projector_metadata(vocab.symbols()); }

}  // namespace embedlab
