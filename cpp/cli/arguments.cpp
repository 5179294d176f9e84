#include "arguments.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "utf8.hpp"

namespace embedlab::cli {

template <class T>
Result<T> parse_whole(const std::string& flag, std::string_view text, T min, T max) {
  const size_t digits_from = !text.empty() && text[0] == '-' ? 1 : 0;
  if (text.size() == digits_from || text.find_first_not_of("0123456789", digits_from) != std::string_view::npos) {
    return error(flag, " ", quote(text), " is not a whole number");
  }
  T value{};
  const char* last = text.data() + text.size();
  const auto [end, failure] = std::from_chars(text.data(), last, value);  // fails beyond T, or on "-1" for unsigned T
  if (failure != std::errc() || end != last || value < min || value > max) {
    return error(flag, " ", clip(text), " is out of range: it must be from ", min, " to ", max);
  }
  return value;
}

template Result<std::int64_t> parse_whole(const std::string&, std::string_view, std::int64_t, std::int64_t);
template Result<std::uint64_t> parse_whole(const std::string&, std::string_view, std::uint64_t, std::uint64_t);

Result<float> parse_float(const std::string& flag, std::string_view text) {
  float value = 0;
  const char* last = text.data() + text.size();
  const auto [end, failure] = std::from_chars(text.data(), last, value, std::chars_format::general);
  if (failure == std::errc::result_out_of_range) {
    return error(flag, " ", clip(text), " is beyond float32, whose numbers range from about 1.2e-38 to 3.4e38 in size");
  }
  if (failure != std::errc() || end != last) return error(flag, " ", quote(text), " is not a number");
  if (!std::isfinite(value)) return error(flag, " ", quote(text), " is not a finite number");
  return value;
}

}  // namespace embedlab::cli
