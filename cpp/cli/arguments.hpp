// Numbers as the command line reads them: the whole text, in decimal, nothing else. "16", "-3",
// "0.1" and "1e-3" are numbers; "0x10", " 3", "3 ", "+3", "" and "inf" are not, "1e39" is beyond
// float32, and "18446744073709551616" is out of range, reported as given. `flag` names the
// number in messages ("--count").
#pragma once

#include <string>
#include <string_view>

#include "status.hpp"

namespace embedlab::cli {

// A whole number from min to max.
template <class T>
Result<T> parse_whole(const std::string& flag, std::string_view text, T min, T max);

// A finite float32.
Result<float> parse_float(const std::string& flag, std::string_view text);

}  // namespace embedlab::cli
