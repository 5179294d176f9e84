#include "word_model_file.hpp"

#include <cmath>

#include "limits.hpp"
#include "utf8.hpp"
#include "word_vocab.hpp"

namespace embedlab {

Status check_word_vocab(const Vocabulary& vocab) {
  const auto& symbols = vocab.symbols();
  const char* const first[] = {".", "<unk>"};  // boundary_word, unknown_word
  for (size_t id : {size_t{boundary_word}, size_t{unknown_word}}) {
    if (symbols.size() <= id) return error("a word vocabulary starts with \".\" and \"<unk>\": this one has no symbol at id ", id);
    if (symbols[id] != first[id]) {
      return error("the symbol at id ", id, " is ", quote(symbols[id]), ", not \"", first[id],
                   "\": a word vocabulary starts with \".\" and \"<unk>\"");
    }
  }
  for (size_t id = 2; id < symbols.size(); ++id) {
    const std::vector<std::string> words = line_words(symbols[id]);
    if (words.size() != 1 || words[0] != symbols[id]) {
      return error("the word ", quote(symbols[id]), " at id ", id,
                   " is not one word as a corpus is read (lower-case letters, digits, inner ' and -)");
    }
  }
  return {};
}

Status check_word_activations(const Vocabulary& vocab, const WordModel<float>& m) {
  const Eigen::RowVectorXd largest_h = m.E.cast<double>().cwiseAbs().colwise().maxCoeff();  // (d)
  for (Index v = 0; v < m.E.rows(); ++v) {
    const double weights = m.tied() ? largest_h.dot(m.E.row(v).cast<double>().cwiseAbs())
                                    : largest_h.dot(m.W_U.col(v).cast<double>().cwiseAbs().transpose());
    const double bound = weights + std::abs(static_cast<double>(m.b[v]));
    if (!(bound <= max_activation)) {
      return error("the logit of the word ", quote(vocab.symbols()[static_cast<size_t>(v)]), " (id ", v, ") can reach ",
                   bound, " (from E", m.tied() ? "" : ", W_U", " and b), beyond the ", max_activation,
                   " that float32 computes safely: this model overflows");
    }
  }
  return {};
}

Result<std::string> write_word_model(const Vocabulary& vocab, const WordModel<float>& m) {
  if (Status s = check_word_model(m); !s.ok()) return Error{s.message()};
  if (vocab.size() != m.E.rows()) return error("the vocabulary has ", vocab.size(), " symbols but the model has ", m.E.rows());
  if (Status s = check_word_vocab(vocab); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("E", m.E); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("W_U", m.W_U); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("b", m.b); !s.ok()) return Error{s.message()};
  if (Status s = check_word_activations(vocab, m); !s.ok()) return Error{s.message()};
  model_json::Json model;
  model["format"] = word_model_format;
  model["version"] = model_json::format_version;
  model["vocab"] = vocab.symbols();
  model["window"] = m.window;
  model["embed"] = m.E.cols();
  model["tied"] = m.tied();
  model["E"] = model_json::rows(m.E);
  if (!m.tied()) model["W_U"] = model_json::rows(m.W_U);
  model["b"] = model_json::numbers(m.b);
  return model.dump() + "\n";
}

Result<SavedWordModel> word_model_from_json(const model_json::Json& model) {
  using namespace model_json;
  if (Status s = check_version(model); !s.ok()) return Error{s.message()};
  auto vocab = read_vocab(model);
  if (!vocab.ok()) return Error{vocab.message()};
  if (Status s = check_word_vocab(vocab.value()); !s.ok()) return error("\"vocab\": ", s.message());
  auto window = read_size(model, "window"), embed = read_size(model, "embed");
  for (const auto* size : {&window, &embed}) {
    if (!size->ok()) return Error{size->message()};
  }
  auto tied = read_flag(model, "tied");
  if (!tied.ok()) return Error{tied.message()};
  const Index V = vocab.value().size(), k = window.value(), d = embed.value();
  if (Status s = check_word_sizes(V, k, d); !s.ok()) return Error{s.message()};
  WordModel<float> m;
  m.window = k;
  if (Status s = read_matrix(m.E, model, "E", V, d); !s.ok()) return Error{s.message()};
  if (tied.value() && model.contains("W_U")) return error("\"W_U\" is given but \"tied\" is true: a tied model has none");
  if (!tied.value()) {
    if (Status s = read_matrix(m.W_U, model, "W_U", d, V); !s.ok()) return Error{s.message()};
  }
  if (Status s = read_vector(m.b, model, "b", V); !s.ok()) return Error{s.message()};
  if (Status s = check_word_activations(vocab.value(), m); !s.ok()) return Error{s.message()};
  return SavedWordModel{std::move(vocab.value()), std::move(m)};
}

}  // namespace embedlab
