#include "unicode_classes.hpp"

#include <algorithm>
#include <iterator>

namespace embedlab {

namespace {

struct Range {
  char32_t first, last;
  CharClass kind;
};

constexpr Range ranges[] = {
#include "unicode_classes.inc"
};

}  // namespace

CharClass char_class(char32_t code_point) {
  // The first range that ends at or after code_point; it holds code_point if it starts before.
  const Range* found = std::lower_bound(std::begin(ranges), std::end(ranges), code_point,
                                        [](const Range& range, char32_t point) { return range.last < point; });
  return found != std::end(ranges) && found->first <= code_point ? found->kind : CharClass::other;
}

}  // namespace embedlab
