// The bundled dataset, tests/data/names.txt: 597 common first names, lowercase a to z, one a
// line, written out for these tests (26 letters and the boundary: a vocabulary of 27).
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace embedlab::testing {

inline std::string bundled_names() {
  const std::string path = std::string(EMBEDLAB_TEST_DATA_DIR) + "/names.txt";
  std::ifstream file(path, std::ios::binary);
  REQUIRE_MESSAGE(file.good(), "cannot open " << path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace embedlab::testing
