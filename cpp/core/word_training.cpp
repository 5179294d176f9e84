#include "word_training.hpp"

#include <utility>

namespace embedlab {

Status check_config(const WordConfig& config) {
  if (Status s = check_word_data_config(config.data); !s.ok()) return s;
  if (Status s = check_range(embed_range, config.embed); !s.ok()) return s;
  if (Status s = check_range(batch_range, config.batch); !s.ok()) return s;
  if (Status s = check_range(steps_range, config.steps); !s.ok()) return s;
  return check_learning_rate("learning rate", config.lr);
}

Schedule schedule_of(const WordConfig& config) { return {Decay::linear, config.lr, config.lr * 1e-4f, config.steps}; }

Result<WordModel<float>> init_model(const Dataset& data, const WordConfig& config, Rng& rng) {
  if (data.train.context != 2 * config.data.window) {
    return error("the dataset was made with window ", data.train.context / 2, " but the model reads ", config.data.window);
  }
  return init_word_model(config.data.window, config.embed, config.tied, log_centre_frequencies(data.train, data.vocab.size()), rng);
}

Result<WordTrainer> make_word_trainer(std::string_view corpus, const WordConfig& config) {
  if (Status s = check_config(config); !s.ok()) return Error{s.message()};
  auto data = make_word_dataset(corpus, config.data, config.seed);
  if (!data.ok()) return Error{data.message()};
  return WordTrainer::create(std::move(data.value()), config);
}

}  // namespace embedlab
