// The limits' messages: a value out of range and a file beyond its size limit.
#include "limits.hpp"

#include "check.hpp"

using namespace embedlab;

TEST_CASE("a setting out of range is named with its range") {
  CHECK(check_range(hidden_range, 2000).message() == "hidden 2000 is out of range: it must be from 1 to 1024");
  CHECK(check_range(hidden_range, 1024).ok());
  CHECK(out_of_range(context_range, "18446744073709551616").message ==
        "context 18446744073709551616 is out of range: it must be from 1 to 16");
}

TEST_CASE("a file beyond its limit is named with the limit in MB and in bytes") {
  CHECK(too_large("names.txt", max_text_bytes, "a text").message ==
        "names.txt is larger than 5 MB (5242880 bytes), the limit for a text");
  CHECK(too_large("m.json", max_model_file_bytes, "a model file").message ==
        "m.json is larger than 64 MB (67108864 bytes), the limit for a model file");
}
