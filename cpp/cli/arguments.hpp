// Numbers as the command line reads them: the whole text, in decimal, nothing else. "16", "-3",
// "0.1" and "1e-3" are numbers; "0x10", " 3", "3 ", "+3", "" and "inf" are not, "1e39" is beyond
// float32, and "18446744073709551616" is out of range, reported as given. `flag` names the
// number in messages ("--count"). Both programs of the folder declare their number options with
// add_number.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>

#include "limits.hpp"
#include "status.hpp"

namespace embedlab::cli {

// A whole number from min to max.
template <class T>
Result<T> parse_whole(const std::string& flag, std::string_view text, T min, T max);

// A finite float32.
Result<float> parse_float(const std::string& flag, std::string_view text);

// Readers for add_number: a whole number from min to max, or within a limit's range; a seed (any
// 64-bit whole number from 0).
inline auto whole(std::int64_t min, std::int64_t max) {
  return [min, max](const std::string& flag, std::string_view text) { return parse_whole(flag, text, min, max); };
}
inline auto whole(const Range& range) { return whole(range.min, range.max); }
inline Result<std::uint64_t> seed(const std::string& flag, std::string_view text) {
  return parse_whole(flag, text, std::uint64_t{0}, std::numeric_limits<std::uint64_t>::max());
}

// A number option: CLI11 hands over its text as given and `parse` (parse_float, or a reader
// above) reads it into value, so that "0x10", " 3" or "" is an error naming the flag and the
// text. The first bad number stops the parse with a CLI::ValidationError holding parse's message.
template <class T, class Parse>
CLI::Option* add_number(CLI::App* command, const std::string& flag, T& value, const std::string& help, Parse parse) {
  std::ostringstream initial;
  initial << value;
  auto read = [&value, flag, parse](const std::string& text) {
    auto parsed = parse(flag, text);
    if (!parsed.ok()) throw CLI::ValidationError(parsed.message(), CLI::ExitCodes::ValidationError);
    value = parsed.value();
  };
  return command->add_option_function<std::string>(flag, read, help)->default_str(initial.str());
}

}  // namespace embedlab::cli
