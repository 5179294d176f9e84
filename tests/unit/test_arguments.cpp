// Numbers on the command line: the whole text in decimal, and messages that quote it as given.
#include "arguments.hpp"

#include <cstdint>
#include <limits>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::cli;
using namespace embedlab::testing;

namespace {
Result<std::int64_t> count(std::string_view text) { return parse_whole<std::int64_t>("--count", text, 0, 1000000); }
Result<std::uint64_t> seed(std::string_view text) {
  return parse_whole<std::uint64_t>("--seed", text, 0, std::numeric_limits<std::uint64_t>::max());
}
}  // namespace

TEST_CASE("a whole number in decimal is read") {
  CHECK(expect_ok(count("16")) == 16);
  CHECK(expect_ok(count("0")) == 0);
  CHECK(expect_ok(count("-0")) == 0);
  CHECK(expect_ok(count("010")) == 10);  // decimal, not octal
  CHECK(expect_ok(seed("18446744073709551615")) == std::numeric_limits<std::uint64_t>::max());
}

TEST_CASE("a text that is not a whole number in decimal is refused, quoted") {
  CHECK(count("0x10").message() == R"(--count "0x10" is not a whole number)");
  CHECK(count(" 3").message() == R"(--count " 3" is not a whole number)");
  CHECK(count("3 ").message() == R"(--count "3 " is not a whole number)");
  CHECK(count("+3").message() == R"(--count "+3" is not a whole number)");
  CHECK(count("").message() == R"(--count "" is not a whole number)");
  CHECK(count("-").message() == R"(--count "-" is not a whole number)");
  CHECK(count("1e3").message() == R"(--count "1e3" is not a whole number)");
  CHECK(count(std::string(1000, 'x')).message() == "--count \"" + std::string(40, 'x') + "…\" is not a whole number");
}

TEST_CASE("a whole number beyond its range or its type is reported as given") {
  CHECK(count("1000001").message() == "--count 1000001 is out of range: it must be from 0 to 1000000");
  CHECK(count("-1").message() == "--count -1 is out of range: it must be from 0 to 1000000");
  CHECK(count("18446744073709551616").message() ==
        "--count 18446744073709551616 is out of range: it must be from 0 to 1000000");
  CHECK(seed("-1").message() == "--seed -1 is out of range: it must be from 0 to 18446744073709551615");
  CHECK(seed("18446744073709551616").message() ==
        "--seed 18446744073709551616 is out of range: it must be from 0 to 18446744073709551615");
}

TEST_CASE("a finite float32 in decimal is read") {
  CHECK(expect_ok(parse_float("--lr", "0.1")) == 0.1f);
  CHECK(expect_ok(parse_float("--lr", "1e-3")) == 1e-3f);
  CHECK(expect_ok(parse_float("--temperature", "-1")) == -1.0f);  // its range is the core's to check
}

TEST_CASE("a text that is not a finite float32 is refused, quoted") {
  CHECK(parse_float("--temperature", "").message() == R"(--temperature "" is not a number)");
  CHECK(parse_float("--lr", "fast").message() == R"(--lr "fast" is not a number)");
  CHECK(parse_float("--lr", " 0.1").message() == R"(--lr " 0.1" is not a number)");
  CHECK(parse_float("--lr", "0x1p3").message() == R"(--lr "0x1p3" is not a number)");
  CHECK(parse_float("--lr", "inf").message() == R"(--lr "inf" is not a finite number)");
  CHECK(parse_float("--lr", "nan").message() == R"(--lr "nan" is not a finite number)");
  CHECK(parse_float("--lr", "1e39").message() ==
        "--lr 1e39 is beyond float32, whose numbers range from about 1.2e-38 to 3.4e38 in size");
}
