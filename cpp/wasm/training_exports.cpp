// The WebAssembly interface of training and sampling: a Trainer (a dataset, a model being
// trained, its generator) and saved models (a vocabulary and weights, from a trainer or a file),
// which sample, score a context and write themselves out. The page runs all of it in a Web
// Worker. (What this file shares with core_exports.cpp is in handles.hpp.)
#include <emscripten/emscripten.h>

#include "handles.hpp"
#include "projection.hpp"
#include "sampler.hpp"

using namespace embedlab;
using namespace embedlab::wasm;

namespace {

// Fields of the config array of el_trainer_new, in order.
enum ConfigField { context, embed, hidden, batch, lr, lr_final, decay_at, seed, init, config_fields };

// A whole number from 0 to 2^53 (a JavaScript number that is an exact integer).
bool is_count(double value) { return value >= 0 && value <= 9007199254740992.0 && value == std::floor(value); }

// out (rows, cols) = m; fails when there is no such output matrix.
int copy_into(int out, const FloatMatrix& m) {
  FloatMatrix* o = matrices.find(out);
  if (!o) return failed;
  *o = m;
  return ok;
}

}  // namespace

extern "C" {

// ---- Trainers -------------------------------------------------------------------------------

// A trainer for UTF-8 text (length bytes, one example per line) with the settings in
// config[config_fields] (see ConfigField; init 0 = lecture, 1 = scaled); returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_trainer_new(const char* text, int length, const double* config) {
  for (int field : {context, embed, hidden, batch, decay_at, seed, init}) {
    if (!is_count(config[field])) return fail_with(0, "setting " + std::to_string(config[field]) + " must be a whole number of 0 or more");
  }
  TrainConfig settings;
  settings.context = static_cast<Index>(config[context]);
  settings.embed = static_cast<Index>(config[embed]);
  settings.hidden = static_cast<Index>(config[hidden]);
  settings.batch = static_cast<Index>(config[batch]);
  settings.lr = static_cast<float>(config[lr]);
  settings.lr_final = static_cast<float>(config[lr_final]);
  settings.decay_at = static_cast<std::int64_t>(config[decay_at]);
  settings.seed = static_cast<std::uint64_t>(config[seed]);
  settings.init = config[init] == 0 ? Init::lecture : Init::scaled;
  if (Status s = check_config(settings); !s.ok()) return fail_with(0, s.message());
  auto data = make_dataset(to_text(text, length), settings.context, settings.seed);
  if (!data.ok()) return fail_with(0, data.message());
  auto trainer = Trainer::create(std::move(data.value()), settings);
  if (!trainer.ok()) return fail_with(0, trainer.message());
  return trainers.add(std::move(trainer.value()));
}

// Frees a trainer.
EMSCRIPTEN_KEEPALIVE int el_trainer_free(int handle) { return trainers.remove(handle); }

// Runs up to `steps` steps, writing each minibatch loss to losses_out[steps] and their mean to
// *mean_out (the loss curve's point for this chunk of steps). Returns the number of steps
// taken: fewer than asked means the loss stopped being finite (el_last_error says so) and the
// weights are those of the last good step. -1 if there is no such trainer.
EMSCRIPTEN_KEEPALIVE int el_trainer_run(float* losses_out, float* mean_out, int handle, int steps) {
  Trainer* t = trainers.find(handle);
  if (!t) return -1;
  double total = 0;
  int done = 0;
  for (; done < steps; ++done) {
    Result<float> loss = t->step();
    if (!loss.ok()) {
      last_error = loss.message();
      break;
    }
    losses_out[done] = loss.value();
    total += loss.value();
  }
  *mean_out = done > 0 ? static_cast<float>(total / done) : 0.0f;
  return done;
}

// *out = the mean loss over a whole split (0 = train, 1 = dev, 2 = test).
EMSCRIPTEN_KEEPALIVE int el_trainer_loss(float* out, int handle, int split) {
  Trainer* t = trainers.find(handle);
  if (!t) return failed;
  if (split < 0 || split > 2) return fail("split " + std::to_string(split) + " is not 0 (train), 1 (dev) or 2 (test)");
  Result<float> loss = t->loss(static_cast<Split>(split));
  if (!loss.ok()) return fail(loss.message());
  *out = loss.value();
  return ok;
}

// Facts of a trainer into out[9]: steps taken, learning rate of the next step, vocabulary size,
// context B, embedding width d, hidden H, batch size, and the examples in train and dev.
EMSCRIPTEN_KEEPALIVE int el_trainer_info(double* out, int handle) {
  Trainer* t = trainers.find(handle);
  if (!t) return failed;
  const TrainConfig& c = t->config();
  const double facts[] = {static_cast<double>(t->steps()), t->learning_rate(), static_cast<double>(t->data().vocab.size()),
                          static_cast<double>(c.context), static_cast<double>(c.embed), static_cast<double>(c.hidden),
                          static_cast<double>(c.batch), static_cast<double>(t->data().train.size()),
                          static_cast<double>(t->data().dev.size())};
  std::copy(std::begin(facts), std::end(facts), out);
  return ok;
}

// out (V, d) = the embedding table C of the model being trained.
EMSCRIPTEN_KEEPALIVE int el_trainer_table(int out, int handle) {
  Trainer* t = trainers.find(handle);
  return t ? copy_into(out, t->model().C) : failed;
}

// out (V, d) = the gradient of C in the last step: non-zero only in rows of symbols of the batch.
EMSCRIPTEN_KEEPALIVE int el_trainer_gradient(int out, int handle) {
  Trainer* t = trainers.find(handle);
  return t ? copy_into(out, t->embedding_gradient()) : failed;
}

// The ids of the rows of the last step's gradient of C that are exactly zero (the symbols the
// minibatch's contexts do not hold) into ids_out[V], in increasing order; returns how many, or -1.
EMSCRIPTEN_KEEPALIVE int el_trainer_zero_gradient_rows(int* ids_out, int handle) {
  Trainer* t = trainers.find(handle);
  if (!t) return -1;
  const Matrix<float>& dC = t->embedding_gradient();  // (V, d)
  int count = 0;
  for (Index row = 0; row < dC.rows(); ++row) {
    if ((dC.row(row).array() == 0.0f).all()) ids_out[count++] = static_cast<int>(row);
  }
  return count;
}

// The last step's minibatch: contexts_out[batch * B] and targets_out[batch] (sizes from el_trainer_info).
EMSCRIPTEN_KEEPALIVE int el_trainer_batch(int* contexts_out, int* targets_out, int handle) {
  Trainer* t = trainers.find(handle);
  if (!t) return failed;
  std::copy(t->batch_contexts().begin(), t->batch_contexts().end(), contexts_out);
  std::copy(t->batch_targets().begin(), t->batch_targets().end(), targets_out);
  return ok;
}

// A saved model of the trainer's current weights and vocabulary; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_trainer_snapshot(int handle) {
  Trainer* t = trainers.find(handle);
  if (!t) return 0;
  return models.add(SavedModel{t->data().vocab, t->model()});
}

// ---- Saved models ---------------------------------------------------------------------------

// A model read from its JSON file (length bytes), every field checked; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_model_from_json(const char* text, int length) {
  auto model = read_model(to_text(text, length));
  if (!model.ok()) return fail_with(0, model.message());
  return models.add(std::move(model.value()));
}

// Frees a model.
EMSCRIPTEN_KEEPALIVE int el_model_free(int handle) { return models.remove(handle); }

// The model's JSON file (valid until the next call that returns text), or null.
EMSCRIPTEN_KEEPALIVE const char* el_model_json(int handle) {
  SavedModel* m = models.find(handle);
  if (!m) return nullptr;
  auto text = write_model(m->vocab, m->mlp);
  if (!text.ok()) return fail_with<const char*>(nullptr, text.message());
  return keep_text(std::move(text.value()));
}

// The Embedding Projector's files: which = 0 the vectors (TSV), 1 the metadata (symbols).
EMSCRIPTEN_KEEPALIVE const char* el_model_projector(int handle, int which) {
  SavedModel* m = models.find(handle);
  if (!m) return nullptr;
  return keep_text(which == 0 ? projector_vectors(m->mlp.C) : projector_metadata(m->vocab));
}

// A copy of the model's vocabulary; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_model_vocab(int handle) {
  SavedModel* m = models.find(handle);
  return m ? vocabularies.add(m->vocab) : 0;
}

// out (V, 2) = the embedding table projected to 2-D: its two columns when d = 2, else PCA. axes
// (d, 2) are the axes of the previous picture, which the new ones follow so that the picture does
// not mirror (see project_2d), or any other shape for none; they are replaced by the axes used.
EMSCRIPTEN_KEEPALIVE int el_model_projection(int out, int axes, int handle) {
  SavedModel* m = models.find(handle);
  FloatMatrix* a = matrices.find(axes);
  if (!m || !a) return failed;
  Matrix<double> followed = a->cast<double>();
  auto projected = project_2d(m->mlp.C, followed);
  if (!projected.ok()) return fail(projected.message());
  *a = followed.cast<float>();
  return copy_into(out, projected.value());
}

// out (V, d) = the model's embedding table C.
EMSCRIPTEN_KEEPALIVE int el_model_table(int out, int handle) {
  SavedModel* m = models.find(handle);
  return m ? copy_into(out, m->mlp.C) : failed;
}

// The sizes of a model into out[4]: vocabulary V, context B, embedding width d, hidden H.
EMSCRIPTEN_KEEPALIVE int el_model_info(double* out, int handle) {
  SavedModel* m = models.find(handle);
  if (!m) return failed;
  const double sizes[] = {static_cast<double>(m->vocab.size()), static_cast<double>(m->mlp.context),
                          static_cast<double>(m->mlp.C.cols()), static_cast<double>(m->mlp.W1.cols())};
  std::copy(std::begin(sizes), std::end(sizes), out);
  return ok;
}

// out (1, V) = the probabilities of the symbol after UTF-8 text (length bytes) at temperature T.
EMSCRIPTEN_KEEPALIVE int el_model_next_probs(int out, int handle, const char* text, int length, float T) {
  SavedModel* m = models.find(handle);
  if (!m) return failed;
  auto probs = next_symbol_probs(m->mlp, m->vocab, to_text(text, length), T);
  if (!probs.ok()) return fail(probs.message());
  return copy_into(out, probs.value());
}

// One sample drawn with generator `rng`: returns its text (valid until the next call that returns
// text), or null. Each step, opened up, goes to the matrices probs_out and kept_out (S, V), the
// contexts to contexts_out (S, B) and the drawn ids to drawn_out (1, S), as floats.
EMSCRIPTEN_KEEPALIVE const char* el_model_sample(int handle, int rng, float T, int top_k, float top_p, int max_length,
                                                 int probs_out, int kept_out, int contexts_out, int drawn_out) {
  SavedModel* m = models.find(handle);
  Rng* r = generators.find(rng);
  FloatMatrix *probs = matrices.find(probs_out), *kept = matrices.find(kept_out),
              *contexts = matrices.find(contexts_out), *drawn = matrices.find(drawn_out);
  if (!m || !r || !probs || !kept || !contexts || !drawn) return nullptr;
  auto result = sample(m->mlp, m->vocab, *r, SampleOptions{T, top_k, top_p, max_length});
  if (!result.ok()) return fail_with<const char*>(nullptr, result.message());
  const auto& steps = result.value().steps;
  const auto S = static_cast<Index>(steps.size()), V = m->vocab.size(), B = m->mlp.context;
  probs->resize(S, V);
  kept->resize(S, V);
  contexts->resize(S, B);
  drawn->resize(1, S);
  for (Index s = 0; s < S; ++s) {
    const SampleStep& step = steps[static_cast<size_t>(s)];
    probs->row(s) = step.probs;
    kept->row(s) = step.kept;
    for (Index b = 0; b < B; ++b) (*contexts)(s, b) = static_cast<float>(step.context[static_cast<size_t>(b)]);
    (*drawn)(0, s) = static_cast<float>(step.drawn);
  }
  return keep_text(std::move(result.value().text));
}

}  // extern "C"
