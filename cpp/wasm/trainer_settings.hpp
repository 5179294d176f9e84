// Training settings and a trainer's facts as they cross the WASM boundary: JSON objects of named
// fields, one table of settings per model kind. A field left out keeps its default; an unknown field, or a value of the
// wrong kind or out of range, is an error that names it. Only the files of cpp/wasm include it.
//
//   character MLP  {"context", "embed", "hidden", "batch", "lr", "lrFinal", "decayAt", "seed", "init"}
//   word model     {"words", "minCount", "window", "subsample", "embed", "tied", "batch", "lr", "steps", "seed"}
// Facts: {"steps", "learningRate", "vocabSize", "trainSize", "devSize"} and, for the MLP,
// {"context", "embed", "hidden", "batch"}; for the word model, its settings as above, but for
// "steps", which is the steps taken (the setting is where the learning rate reaches its floor).
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "handles.hpp"
#include "limits.hpp"
#include "trainer.hpp"
#include "word_training.hpp"

namespace embedlab::wasm {

inline Json range_json(const Range& r) { return {{"min", r.min}, {"max", r.max}}; }
inline Json range_json(const RealRange& r) { return {{"min", static_cast<double>(r.min)}, {"max", static_cast<double>(r.max)}}; }
inline const Json whole_range_json = {{"min", 0}, {"max", max_whole_int}};  // a seed, a decay step

// A whole-number setting from JSON, within [min, max]; `name` is its JSON name.
inline Result<std::int64_t> read_whole(const Json& value, const std::string& name, std::int64_t min, std::int64_t max) {
  if (!value.is_number()) return error(name, " must be a number, not ", value.type_name());
  return whole_number(name.c_str(), value.get<double>(), min, max);
}

// A float32 setting from JSON within range (a learning rate: a finite float32 above 0).
inline Result<float> read_real(const Json& value, const std::string& name, const RealRange& range) {
  if (!value.is_number()) return error(name, " must be a number, not ", value.type_name());
  const double x = value.get<double>();
  if (!(x >= range.min && x <= range.max)) {
    return error(name, " ", x, " is out of range: it must be a number from ", range.min, " to ", range.max);
  }
  return static_cast<float>(x);
}

// One setting a JSON object may name: set(value) checks the value and, if it is good, writes it.
struct Setting {
  const char* name;
  std::function<Status(const Json&)> set;
};

template <class Field>
Setting whole_setting(const char* name, Field& field, std::int64_t min, std::int64_t max) {
  return {name, [&field, name, min, max](const Json& value) {
            auto v = read_whole(value, name, min, max);
            if (v.ok()) field = static_cast<Field>(v.value());
            return v.status();
          }};
}
template <class Field>
Setting whole_setting(const char* name, Field& field, const Range& range) {
  return whole_setting(name, field, range.min, range.max);
}
inline Setting real_setting(const char* name, float& field, const RealRange& range) {
  return {name, [&field, name, range](const Json& value) {
            auto v = read_real(value, name, range);
            if (v.ok()) field = v.value();
            return v.status();
          }};
}
inline Setting flag_setting(const char* name, bool& field) {
  return {name, [&field, name](const Json& value) {
            if (!value.is_boolean()) return Status(error(name, " must be true or false, not ", value.dump()));
            field = value.get<bool>();
            return Status();
          }};
}

// Sets the fields that the JSON object `text` names; `defaults` (the kind's settings as JSON)
// lists them in the message for an unknown one.
inline Status read_settings(std::string_view text, const std::vector<Setting>& settings, const Json& defaults) {
  auto object = read_json_object(text, "the settings");
  if (!object.ok()) return object.status();
  for (const auto& item : object.value().items()) {
    const auto found = std::find_if(settings.begin(), settings.end(), [&](const Setting& s) { return item.key() == s.name; });
    if (found == settings.end()) return error("unknown setting ", quote(item.key()), ": the settings are ", defaults.dump());
    if (Status s = found->set(item.value()); !s.ok()) return s;
  }
  return {};
}

// ---- The character MLP ----------------------------------------------------------------------

inline Json config_json(const TrainConfig& c) {
  return {{"context", c.context}, {"embed", c.embed}, {"hidden", c.hidden}, {"batch", c.batch},
          {"lr", shortest(c.lr)}, {"lrFinal", shortest(c.lr_final)}, {"decayAt", c.decay_at},
          {"seed", c.seed}, {"init", init_name(c.init)}};
}

inline Result<TrainConfig> read_train_config(std::string_view text) {
  TrainConfig c;
  const Setting init{"init", [&c](const Json& value) {
                       auto v = value.is_string() ? parse_init(value.get<std::string>()) : Result<Init>(error("init must be text, not ", value.type_name()));
                       if (v.ok()) c.init = v.value();
                       return v.status();
                     }};
  const std::vector<Setting> settings{
      whole_setting("context", c.context, context_range), whole_setting("embed", c.embed, embed_range),
      whole_setting("hidden", c.hidden, hidden_range),    whole_setting("batch", c.batch, batch_range),
      real_setting("lr", c.lr, learning_rate_range),      real_setting("lrFinal", c.lr_final, learning_rate_range),
      whole_setting("decayAt", c.decay_at, 0, max_whole_int), whole_setting("seed", c.seed, 0, max_whole_int), init};
  if (Status s = read_settings(text, settings, config_json(TrainConfig{})); !s.ok()) return Error{s.message()};
  if (Status s = check_config(c); !s.ok()) return Error{s.message()};
  return c;
}

inline Json info_json(const Trainer& t) {
  const TrainConfig& c = t.config();
  return {{"steps", t.steps()}, {"learningRate", shortest(t.learning_rate())}, {"vocabSize", t.data().vocab.size()},
          {"context", c.context}, {"embed", c.embed}, {"hidden", c.hidden}, {"batch", c.batch},
          {"trainSize", t.data().train.size()}, {"devSize", t.data().dev.size()}};
}

// ---- The word model -------------------------------------------------------------------------

inline Json config_json(const WordConfig& c) {
  return {{"words", c.data.words}, {"minCount", c.data.min_count}, {"window", c.data.window},
          {"subsample", shortest(c.data.subsample)}, {"embed", c.embed}, {"tied", c.tied}, {"batch", c.batch},
          {"lr", shortest(c.lr)}, {"steps", c.steps}, {"seed", c.seed}};
}

// The limits of each word setting, by its JSON name (tied, a flag, has none).
inline Json word_ranges_json() {
  return {{"words", range_json(words_range)}, {"minCount", range_json(min_count_range)}, {"window", range_json(window_range)},
          {"subsample", range_json(subsample_range)}, {"embed", range_json(embed_range)}, {"batch", range_json(batch_range)},
          {"lr", range_json(learning_rate_range)}, {"steps", range_json(page_steps_range)}, {"seed", whole_range_json}};
}

// The page's word runs take at most page_steps_range steps: steps sets where the learning rate
// reaches its floor, and so the run's length.
inline Result<WordConfig> read_word_config(std::string_view text) {
  WordConfig c;
  const std::vector<Setting> settings{
      whole_setting("words", c.data.words, words_range),   whole_setting("minCount", c.data.min_count, min_count_range),
      whole_setting("window", c.data.window, window_range), real_setting("subsample", c.data.subsample, subsample_range),
      whole_setting("embed", c.embed, embed_range),         flag_setting("tied", c.tied),
      whole_setting("batch", c.batch, batch_range),         real_setting("lr", c.lr, learning_rate_range),
      whole_setting("steps", c.steps, page_steps_range),    whole_setting("seed", c.seed, 0, max_whole_int)};
  if (Status s = read_settings(text, settings, config_json(WordConfig{})); !s.ok()) return Error{s.message()};
  if (Status s = check_config(c); !s.ok()) return Error{s.message()};
  return c;
}

inline Json info_json(const WordTrainer& t) {
  Json info = config_json(t.config());
  info.update({{"steps", t.steps()}, {"learningRate", shortest(t.learning_rate())}, {"vocabSize", t.data().vocab.size()},
               {"trainSize", t.data().train.size()}, {"devSize", t.data().dev.size()}});
  return info;
}

}  // namespace embedlab::wasm
