// Reading the committed JSON fixtures of tests/golden/.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tensor.hpp"

namespace embedlab::testing {

// The fixture tests/golden/<name>, checked for its format header.
inline nlohmann::json read_fixture(const std::string& name, const std::string& format) {
  const std::string path = std::string(EMBEDLAB_GOLDEN_DIR) + "/" + name;
  std::ifstream file(path);
  REQUIRE_MESSAGE(file.good(), "cannot open " << path);
  const nlohmann::json fixture = nlohmann::json::parse(file);
  REQUIRE(fixture.at("format") == format);
  REQUIRE(fixture.at("version") == 1);
  return fixture;
}

// A JSON array of rows as a matrix.
template <class S>
Matrix<S> to_matrix(const nlohmann::json& rows) {
  REQUIRE(rows.is_array());
  REQUIRE(!rows.empty());
  Matrix<S> m(static_cast<Index>(rows.size()), static_cast<Index>(rows[0].size()));
  for (Index r = 0; r < m.rows(); ++r) {
    REQUIRE(static_cast<Index>(rows[r].size()) == m.cols());
    for (Index c = 0; c < m.cols(); ++c) m(r, c) = static_cast<S>(rows[r][c].get<double>());
  }
  return m;
}

}  // namespace embedlab::testing
