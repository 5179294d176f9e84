// Reading JSON that a reader hands in (a model file, the page's settings) without trusting it:
// nesting is limited and nothing is thrown. nlohmann-json's own parser throws on bad input (the
// WASM build cannot catch a throw: it ends the module) and a value nested a million levels deep
// would overflow the stack of whatever walks it recursively afterwards.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "limits.hpp"
#include "status.hpp"
#include "utf8.hpp"

namespace embedlab {

// Builds the JSON value as nlohmann's own parser does, but stops past a depth of max_json_depth
// and keeps the parser's message, with its quote of the input cut short.
template <class Json>
class LimitedJsonReader : public nlohmann::json_sax<Json> {
  using Base = nlohmann::json_sax<Json>;

 public:
  LimitedJsonReader(Json& result, const char* what) : dom_(result, /*allow_exceptions=*/false), what_(what) {}

  std::string message;  // why the text was not read; empty when it was

  bool null() override { return dom_.null(); }
  bool boolean(bool value) override { return dom_.boolean(value); }
  bool number_integer(typename Base::number_integer_t value) override { return dom_.number_integer(value); }
  bool number_unsigned(typename Base::number_unsigned_t value) override { return dom_.number_unsigned(value); }
  bool number_float(typename Base::number_float_t value, const typename Base::string_t& text) override {
    return dom_.number_float(value, text);
  }
  bool string(typename Base::string_t& value) override { return dom_.string(value); }
  bool binary(typename Base::binary_t& value) override { return dom_.binary(value); }
  bool start_object(std::size_t size) override { return deeper() && dom_.start_object(size); }
  bool key(typename Base::string_t& name) override { return dom_.key(name); }
  bool end_object() override { return shallower() && dom_.end_object(); }
  bool start_array(std::size_t size) override { return deeper() && dom_.start_array(size); }
  bool end_array() override { return shallower() && dom_.end_array(); }
  bool parse_error(std::size_t, const std::string& last_token, const nlohmann::detail::exception& failure) override {
    std::string said = failure.what();  // "[json.exception.parse_error.101] parse error at ...; last read: '<token>'"
    message = std::string(what_) + " is not valid JSON: " + said.substr(said.find("] ") + 2);
    if (const size_t at = message.find("'" + last_token + "'"); at != std::string::npos) {
      message.replace(at + 1, last_token.size(), clip(last_token));
    }
    return false;
  }

 private:
  bool deeper() {
    if (++depth_ <= max_json_depth) return true;
    message = std::string(what_) + ": arrays and objects nest more than " + std::to_string(max_json_depth) + " levels deep";
    return false;
  }
  bool shallower() {
    --depth_;
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  const char* what_;
  std::size_t depth_ = 0;
};

// The JSON value of text, or why it is not one; `what` names the text in messages ("the model file").
template <class Json>
Result<Json> read_json(std::string_view text, const char* what) {
  Json result;
  LimitedJsonReader<Json> reader(result, what);
  if (!Json::sax_parse(text, &reader)) return Error{reader.message};
  return result;
}

}  // namespace embedlab
