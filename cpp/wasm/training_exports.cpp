// The WebAssembly interface of training and sampling: a Trainer (a dataset, a model being
// trained, its generator) and saved models (a vocabulary and weights, from a trainer or a file),
// which sample, score a context and write themselves out. The page runs all of it in a Web
// Worker. (What this file shares with core_exports.cpp is in handles.hpp.)
//
// Settings and facts cross as JSON objects with named fields, the names the JavaScript side uses
// (trainer_settings.hpp). Running, a split's loss and the facts serve a trainer of either kind
// (the word model's own exports are in word_training_exports.cpp); the rest are the MLP's.
// el_limits() gives the default settings and every limit, so that nothing is copied elsewhere.
#include <emscripten/emscripten.h>

#include "handles.hpp"
#include "limits.hpp"
#include "trainer_settings.hpp"
#include "projection.hpp"
#include "sampler.hpp"

using namespace embedlab;
using namespace embedlab::wasm;

namespace {

// "train", "dev" or "test" (length bytes) as a Split.
Result<Split> read_split(std::string_view name) {
  for (Split split : {Split::train, Split::dev, Split::test}) {
    if (name == split_name(split)) return split;
  }
  return error("split ", quote(name), " is not train, dev or test");
}

}  // namespace

extern "C" {

// ---- Limits -----------------------------------------------------------------------------------

// The core's default settings and its limits, as JSON:
//   {"defaults": settings, "ranges": {"context" | "embed" | "hidden" | "batch" | "steps" | "pageSteps" |
//    "maxLength" | "vocabularySize" | "lr" | "lrFinal" | "decayAt" | "seed": {"min", "max"}},
//    "textBytes", "symbols", "matrixEntries", "modelFileBytes" (the largest model file of either kind),
//    "words": the word model's {"defaults", "ranges": {name: {"min", "max"}}, "corpusBytes"}}
EMSCRIPTEN_KEEPALIVE const char* el_limits() {
  return guarded<const char*>(nullptr, [] {
    const Json lr = range_json(learning_rate_range), whole = whole_range_json;
    const Json ranges = {{"context", range_json(context_range)}, {"embed", range_json(embed_range)},
                         {"hidden", range_json(hidden_range)},   {"batch", range_json(batch_range)},
                         {"steps", range_json(steps_range)},     {"pageSteps", range_json(page_steps_range)},
                         {"maxLength", range_json(max_length_range)},
                         {"vocabularySize", range_json(vocab_range)}, {"lr", lr}, {"lrFinal", lr},
                         {"decayAt", whole}, {"seed", whole}};
    return keep_json({{"defaults", config_json(TrainConfig{})}, {"ranges", ranges}, {"textBytes", max_text_bytes},
                      {"symbols", max_symbols}, {"matrixEntries", max_entries}, {"modelFileBytes", max_model_file_bytes},
                      {"words", {{"defaults", config_json(WordConfig{})}, {"ranges", word_ranges_json()}, {"corpusBytes", max_corpus_bytes}}}});
  });
}

// ---- Trainers -------------------------------------------------------------------------------

// A trainer for UTF-8 text (length bytes, one example per line) with the settings in a JSON
// object (config_length bytes; see the top of this file; a field left out keeps its default);
// returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_trainer_new(const char* text, int length, const char* config, int config_length) {
  return guarded(0, [&] {
    auto settings = read_train_config(to_text(config, config_length));
    if (!settings.ok()) return fail_with(0, settings.message());
    auto data = make_dataset(to_text(text, length), settings.value().context, settings.value().seed);
    if (!data.ok()) return fail_with(0, data.message());
    auto trainer = Trainer::create(std::move(data.value()), settings.value());
    if (!trainer.ok()) return fail_with(0, trainer.message());
    return trainers.add(std::move(trainer.value()));
  });
}

// Frees a trainer.
EMSCRIPTEN_KEEPALIVE int el_trainer_free(int handle) { return trainers.remove(handle); }

// Runs `steps` steps (a whole number within the core's steps range) and returns JSON
// {"steps": taken, "meanLoss": their mean minibatch loss, the loss curve's point (left out when
// no step was taken), "error": why it stopped early (left out when it took every step)}; the
// weights are then those of the last good step. Null for no such trainer or a bad count.
EMSCRIPTEN_KEEPALIVE const char* el_trainer_run(int handle, double steps) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    AnyTrainer* t = trainers.find(handle);
    if (!t) return nullptr;
    auto count = whole_number("steps", steps, steps_range.min, steps_range.max);
    if (!count.ok()) return fail_with<const char*>(nullptr, count.message());
    auto run = std::visit([&](auto& trainer) { return trainer.run(count.value()); }, *t);
    if (!run.ok()) return fail_with<const char*>(nullptr, run.message());
    Json result = {{"steps", run.value().steps}};
    if (run.value().steps > 0) result["meanLoss"] = exact(run.value().mean_loss);
    if (!run.value().stopped.ok()) result["error"] = run.value().stopped.message();
    return keep_json(result);
  });
}

// *out = the mean loss over a whole split, named by text (length bytes): train, dev or test.
EMSCRIPTEN_KEEPALIVE int el_trainer_loss(float* out, int handle, const char* split, int length) {
  return guarded(failed, [&] {
    AnyTrainer* t = trainers.find(handle);
    if (!t) return failed;
    auto which = read_split(to_text(split, length));
    if (!which.ok()) return fail(which.message());
    Result<float> loss = std::visit([&](const auto& trainer) { return trainer.loss(which.value()); }, *t);
    if (!loss.ok()) return fail(loss.message());
    *out = loss.value();
    return ok;
  });
}

// The facts of a trainer as JSON (see the top of this file), or null.
EMSCRIPTEN_KEEPALIVE const char* el_trainer_info(int handle) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    AnyTrainer* t = trainers.find(handle);
    if (!t) return nullptr;
    return keep_json(std::visit([](const auto& trainer) { return info_json(trainer); }, *t));
  });
}

// out (V, d) = the embedding table C of the model being trained.
EMSCRIPTEN_KEEPALIVE int el_trainer_table(int out, int handle) {
  return guarded(failed, [&] {
    Trainer* t = trainer_of<Trainer>(handle);
    if (!t) return failed;
    return into(out, [&](FloatMatrix& o) {
      o = t->model().C;
      return Status();
    });
  });
}

// out (V, d) = the gradient of C in the last step: non-zero only in rows of symbols of the batch.
EMSCRIPTEN_KEEPALIVE int el_trainer_gradient(int out, int handle) {
  return guarded(failed, [&] {
    Trainer* t = trainer_of<Trainer>(handle);
    if (!t) return failed;
    return into(out, [&](FloatMatrix& o) {
      o = t->embedding_gradient();
      return Status();
    });
  });
}

// The ids of the rows of the last step's gradient of C that are exactly zero (the symbols the
// minibatch's contexts do not hold) as a JSON array, in increasing order; null with its error.
EMSCRIPTEN_KEEPALIVE const char* el_trainer_zero_gradient_rows(int handle) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    Trainer* t = trainer_of<Trainer>(handle);
    if (!t) return nullptr;
    const Matrix<float>& dC = t->embedding_gradient();  // (V, d)
    Ids zero;
    for (Index row = 0; row < dC.rows(); ++row) {
      if ((dC.row(row).array() == 0.0f).all()) zero.push_back(static_cast<Id>(row));
    }
    return keep_json(zero);
  });
}

// The last step's minibatch as JSON {"contexts": B arrays of T ids, "targets": B ids}, or null.
EMSCRIPTEN_KEEPALIVE const char* el_trainer_batch(int handle) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    Trainer* t = trainer_of<Trainer>(handle);
    if (!t) return nullptr;
    const Ids& flat = t->batch_contexts();  // (B, T), row-major
    const auto T = static_cast<std::ptrdiff_t>(t->config().context);
    Json contexts = Json::array();
    for (auto row = flat.begin(); row != flat.end(); row += T) contexts.push_back(Ids(row, row + T));
    return keep_json({{"contexts", contexts}, {"targets", t->batch_targets()}});
  });
}

// A saved model of the trainer's current weights and vocabulary; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_trainer_snapshot(int handle) {
  return guarded(0, [&] {
    Trainer* t = trainer_of<Trainer>(handle);
    if (!t) return 0;
    return models.add(SavedModel{t->data().vocab, t->model()});
  });
}

// ---- Saved models ---------------------------------------------------------------------------

// A model read from its JSON file (length bytes), every field checked; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_model_from_json(const char* text, int length) {
  return guarded(0, [&] {
    auto model = read_model(to_text(text, length));
    if (!model.ok()) return fail_with(0, model.message());
    return models.add(std::move(model.value()));
  });
}

// Frees a model.
EMSCRIPTEN_KEEPALIVE int el_model_free(int handle) { return models.remove(handle); }

// The model's JSON file (valid until the next call that returns text), or null.
EMSCRIPTEN_KEEPALIVE const char* el_model_json(int handle) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    SavedModel* m = models.find(handle);
    if (!m) return nullptr;
    auto text = write_model(m->vocab, m->mlp);
    if (!text.ok()) return fail_with<const char*>(nullptr, text.message());
    return keep_text(std::move(text.value()));
  });
}

// The Embedding Projector's vectors file (TSV, one row of C a line), or null.
EMSCRIPTEN_KEEPALIVE const char* el_model_projector_vectors(int handle) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    SavedModel* m = models.find(handle);
    return m ? keep_text(projector_vectors(m->mlp.C)) : nullptr;
  });
}

// The Embedding Projector's metadata file (the symbols, one a line), or null.
EMSCRIPTEN_KEEPALIVE const char* el_model_projector_metadata(int handle) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    SavedModel* m = models.find(handle);
    return m ? keep_text(projector_metadata(m->vocab)) : nullptr;
  });
}

// A copy of the model's vocabulary; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_model_vocab(int handle) {
  return guarded(0, [&] {
    SavedModel* m = models.find(handle);
    return m ? vocabularies.add(m->vocab) : 0;
  });
}

// out (V, 2) = the embedding table projected to 2-D: its two columns when d = 2, else PCA. axes
// (d, 2) are the axes of the previous picture, which the new ones follow so that the picture does
// not mirror (see project_2d), or any other shape for none; they are replaced by the axes used.
EMSCRIPTEN_KEEPALIVE int el_model_projection(int out, int axes, int handle) {
  return guarded(failed, [&] {
    SavedModel* m = models.find(handle);
    FloatMatrix* a = matrices.find(axes);
    if (!m || !a) return failed;
    Matrix<double> followed = a->cast<double>();
    const int status = into(out, [&](FloatMatrix& o) {
      auto projected = project_2d(m->mlp.C, followed);
      if (projected.ok()) o = std::move(projected.value());
      return projected.status();
    });
    if (status == ok) *a = followed.cast<float>();
    return status;
  });
}

// out (V, d) = the model's embedding table C.
EMSCRIPTEN_KEEPALIVE int el_model_table(int out, int handle) {
  return guarded(failed, [&] {
    SavedModel* m = models.find(handle);
    if (!m) return failed;
    return into(out, [&](FloatMatrix& o) { o = m->mlp.C; return Status{}; });
  });
}

// The model's sizes as JSON {"vocabSize", "context", "embed", "hidden"}, or null.
EMSCRIPTEN_KEEPALIVE const char* el_model_info(int handle) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    SavedModel* m = models.find(handle);
    if (!m) return nullptr;
    return keep_json({{"vocabSize", m->vocab.size()}, {"context", m->mlp.context}, {"embed", m->mlp.C.cols()},
                      {"hidden", m->mlp.W1.cols()}});
  });
}

// The probabilities (1, V) of the symbol after a text (its last T symbols, padded on the left
// with the boundary) at a temperature, into out: the text is UTF-8 of `length` bytes.
EMSCRIPTEN_KEEPALIVE int el_model_next_probs(int out, int handle, const char* text, int length, double temperature) {
  return guarded(failed, [&] {
    SavedModel* m = models.find(handle);
    if (!m) return failed;
    auto t = to_float("temperature", temperature);
    if (!t.ok()) return fail(t.message());
    return into(out, [&](FloatMatrix& o) {
      auto probs = next_symbol_probs(m->mlp, m->vocab, std::string_view(text, static_cast<size_t>(length)), t.value());
      if (probs.ok()) o = std::move(probs.value());
      return probs.status();
    });
  });
}

// One sample drawn with generator `rng` at a temperature, with top_k, top_p and max_length
// as SampleOptions reads them: returns its text (valid until the next call that returns text),
// or null. Each step, opened up, goes to the matrices probs_out and kept_out (S, V), the
// contexts to contexts_out (S, T) and the drawn ids to drawn_out (1, S), as floats.
EMSCRIPTEN_KEEPALIVE const char* el_model_sample(int handle, int rng, double temperature, double top_k, double top_p,
                                                 double max_length, int probs_out, int kept_out, int contexts_out,
                                                 int drawn_out) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    SavedModel* m = models.find(handle);
    Rng* r = generators.find(rng);
    FloatMatrix *probs = matrices.find(probs_out), *kept = matrices.find(kept_out),
                *contexts = matrices.find(contexts_out), *drawn = matrices.find(drawn_out);
    if (!m || !r || !probs || !kept || !contexts || !drawn) return nullptr;
    auto t = to_float("temperature", temperature);
    auto p = to_float("top-p", top_p);
    auto k = whole_number("top-k", top_k, 0, max_whole_int);
    auto length = whole_number("max length", max_length, max_length_range.min, max_length_range.max);
    for (const Status& s : {t.status(), p.status(), k.status(), length.status()}) {
      if (!s.ok()) return fail_with<const char*>(nullptr, s.message());
    }
    const SampleOptions options{t.value(), static_cast<Index>(std::min<std::int64_t>(k.value(), m->vocab.size())), p.value(),
                                static_cast<Index>(length.value())};
    auto result = sample(m->mlp, m->vocab, *r, options);
    if (!result.ok()) return fail_with<const char*>(nullptr, result.message());
    const auto& steps = result.value().steps;
    const auto S = static_cast<Index>(steps.size()), V = m->vocab.size(), T = m->mlp.context;
    FloatMatrix p_out(S, V), k_out(S, V), c_out(S, T), d_out(1, S);
    for (Index s = 0; s < S; ++s) {
      const SampleStep& step = steps[static_cast<size_t>(s)];
      p_out.row(s) = step.probs;
      k_out.row(s) = step.kept;
      for (Index i = 0; i < T; ++i) c_out(s, i) = static_cast<float>(step.context[static_cast<size_t>(i)]);
      d_out(0, s) = static_cast<float>(step.drawn);
    }
    *probs = std::move(p_out);
    *kept = std::move(k_out);
    *contexts = std::move(c_out);
    *drawn = std::move(d_out);
    return keep_text(std::move(result.value().text));
  });
}

}  // extern "C"
