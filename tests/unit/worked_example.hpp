// The worked example of the source material (makemore part 2 note): vocabulary @ a b c . with
// ids 0..4 and the 5 x 2 embedding table C.
#pragma once

#include <string>
#include <vector>

#include "tensor.hpp"

namespace embedlab::testing {

inline const std::vector<std::string> worked_vocab{"@", "a", "b", "c", "."};

template <class S>
Matrix<S> worked_table() {
  Matrix<S> C(5, 2);  // (V, d) = (5, 2)
  C << S(0.10), S(-0.20),   // '@'
       S(0.00), S(0.30),    // 'a'
       S(-0.40), S(0.20),   // 'b'
       S(0.50), S(-0.10),   // 'c'
       S(-0.20), S(0.40);   // '.'
  return C;
}

}  // namespace embedlab::testing
