// Training: a short deterministic run on the bundled names, determinism, one step opened up,
// the learning rate schedule, and stopping on a loss that is not finite.
#include "trainer.hpp"

#include <cmath>
#include <set>
#include <vector>

#include "bundled_names.hpp"
#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
// A small model that trains in a fraction of a second even in the sanitizer build.
TrainConfig small_config() {
  TrainConfig config;
  config.hidden = 32;
  config.lr = 0.2f;
  config.lr_final = 0.05f;
  config.decay_at = 1500;
  return config;
}

Trainer make_trainer(const TrainConfig& config, std::uint64_t data_seed = 42) {
  return expect_ok(Trainer::create(expect_ok(make_dataset(bundled_names(), config.context, data_seed)), config));
}
}  // namespace

TEST_CASE("2000 steps on the bundled names bring the dev loss below 2.4 from log 27") {
  // log 27 = 3.30 is the loss of a uniform guess; letter counts alone (a unigram model) give
  // about 2.8 on such a split, and counts of letter pairs (a bigram model) about 2.45. This exact
  // run reached 2.23 when the test was written, so 2.4 leaves room for rounding differences
  // between compilers while still asking for more than a bigram model learns.
  Trainer trainer = make_trainer(small_config());
  const float initial = expect_ok(trainer.loss(Split::dev));
  for (int i = 0; i < 2000; ++i) expect_ok(trainer.step());
  const float dev = expect_ok(trainer.loss(Split::dev));
  const float train = expect_ok(trainer.loss(Split::train));
  MESSAGE("dev loss " << initial << " -> " << dev << " after 2000 steps (train " << train << ")");
  CHECK(std::abs(initial - std::log(27.0f)) < 0.05f);
  CHECK(dev < 2.4f);
  CHECK(trainer.steps() == 2000);
}

TEST_CASE("the same seed gives the same run step for step") {
  Trainer a = make_trainer(small_config()), b = make_trainer(small_config());
  for (int i = 0; i < 50; ++i) CHECK(expect_ok(a.step()) == expect_ok(b.step()));
  CHECK(a.model().W1 == b.model().W1);
  CHECK(a.batch_contexts() == b.batch_contexts());
  TrainConfig other = small_config();
  other.seed = 43;
  Trainer c = make_trainer(other);
  CHECK(c.model().C != make_trainer(small_config()).model().C);
}

TEST_CASE("the embedding gradient of a step is non-zero exactly in the rows of the minibatch's contexts") {
  Trainer trainer = make_trainer(small_config());
  expect_ok(trainer.step());
  const std::set<Id> seen(trainer.batch_contexts().begin(), trainer.batch_contexts().end());
  const Matrix<float>& dC = trainer.embedding_gradient();
  REQUIRE(dC.rows() == 27);
  REQUIRE(dC.cols() == 10);
  CHECK(trainer.batch_contexts().size() == 32 * 3);
  CHECK(trainer.batch_targets().size() == 32);
  CHECK(seen.size() < 27);  // 96 draws of 27 letters at this seed leave some out
  for (Id id = 0; id < 27; ++id) CHECK(dC.row(id).isZero() == (seen.count(id) == 0));
}

TEST_CASE("a step moves the weights by minus the learning rate times the gradient") {
  Trainer trainer = make_trainer(small_config());
  const Matrix<float> before = trainer.model().C;
  expect_ok(trainer.step());
  check_close("C after one step", trainer.model().C, before - 0.2f * trainer.embedding_gradient(), 1e-7);
}

TEST_CASE("the learning rate steps from lr to lr_final at decay_at") {
  TrainConfig config = small_config();
  config.decay_at = 2;
  Trainer trainer = make_trainer(config);
  CHECK(trainer.learning_rate() == 0.2f);  // steps 0 and 1
  expect_ok(trainer.step());
  expect_ok(trainer.step());
  CHECK(trainer.learning_rate() == 0.05f);  // step 2 on
}

TEST_CASE("a loss that is not finite stops the step and keeps the last good weights") {
  TrainConfig config = small_config();
  config.init = Init::lecture;
  config.lr = 1e38f;  // the first update throws the weights to about 1e37: the next loss overflows
  Trainer trainer = make_trainer(config);
  std::vector<Mlp<float>> history{trainer.model()};  // the weights after each step
  Result<float> loss = trainer.step();
  while (loss.ok() && history.size() < 20) {
    history.push_back(trainer.model());
    loss = trainer.step();
  }
  REQUIRE_FALSE(loss.ok());
  MESSAGE(loss.message());
  const auto last_good = static_cast<size_t>(trainer.steps());
  REQUIRE(last_good + 2 == history.size());  // the weights of the failing step are dropped too
  CHECK(trainer.model().W1 == history[last_good].W1);
  CHECK(trainer.model().C == history[last_good].C);
  CHECK(loss.message().rfind("step " + std::to_string(history.size()) + ": the loss is not finite (", 0) == 0);
  CHECK(loss.message().find("with learning rate 1e+38; the weights are back to those after step " +
                            std::to_string(last_good)) != std::string::npos);
}

TEST_CASE("settings out of range are errors naming the setting") {
  const Dataset data = expect_ok(make_dataset(bundled_names(), 3, 1));
  TrainConfig config;
  config.batch = 0;
  CHECK(Trainer::create(data, config).message() == "batch 0 is out of range: it must be from 1 to 1024");
  config = TrainConfig{};
  config.lr = 0;
  CHECK(Trainer::create(data, config).message() == "learning rate 0 must be a finite number > 0");
  config.lr = 0.1f;
  config.lr_final = NAN;
  CHECK(Trainer::create(data, config).message() == "final learning rate nan must be a finite number > 0");
  config = TrainConfig{};
  config.decay_at = -1;
  CHECK(Trainer::create(data, config).message() == "decay step -1 must be 0 or more");
  config = TrainConfig{};
  config.context = 4;
  CHECK(Trainer::create(data, config).message() == "the dataset was made with context 3 but the model reads 4");
}

TEST_CASE("the loss of an empty split is an error") {
  const Dataset data = expect_ok(make_dataset("anna\nbob\n", 3, 1));  // 2 lines: train 1, dev 0, test 1
  Trainer trainer = expect_ok(Trainer::create(data, TrainConfig{}));
  CHECK(trainer.loss(Split::dev).message() == "the dev split has no examples: the text has too few lines");
  expect_ok(trainer.loss(Split::test));
}

TEST_CASE("a run of steps returns the mean of their minibatch losses") {
  TrainConfig config;
  config.hidden = 20;
  const Dataset data = expect_ok(make_dataset(bundled_names(), 3, 1));
  Trainer stepped = expect_ok(Trainer::create(data, config));
  Trainer run = expect_ok(Trainer::create(data, config));
  double total = 0;
  for (int i = 0; i < 7; ++i) total += expect_ok(stepped.step());
  CHECK(expect_ok(run.run(7)) == static_cast<float>(total / 7));
  CHECK(run.steps() == 7);
  CHECK(run.model().W2 == stepped.model().W2);
  CHECK(run.run(0).message() == "steps 0 must be 1 or more");
}
