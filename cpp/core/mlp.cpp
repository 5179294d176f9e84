#include "mlp.hpp"

#include <cmath>

namespace embedlab {

namespace {

// m (rows, cols) of standard normal draws times scale.
template <class M>
void fill_normal(M& m, Index rows, Index cols, float scale, Rng& rng) {
  m.resize(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = rng.normal() * scale;
}

}  // namespace

Result<Init> parse_init(std::string_view name) {
  if (name == "lecture") return Init::lecture;
  if (name == "scaled") return Init::scaled;
  return error("init \"", name, "\" is unknown: it must be lecture or scaled");
}

const char* init_name(Init init) { return init == Init::lecture ? "lecture" : "scaled"; }

Result<Mlp<float>> init_mlp(Index V, Index context, Index embed, Index hidden, Init init, Rng& rng) {
  if (Status s = check_mlp_sizes(V, context, embed, hidden); !s.ok()) return Error{s.message()};
  Mlp<float> m;
  m.context = context;
  const Index fan_in = context * embed;
  const bool scaled = init == Init::scaled;
  fill_normal(m.C, V, embed, 1.0f, rng);
  fill_normal(m.W1, fan_in, hidden, scaled ? (5.0f / 3.0f) / std::sqrt(static_cast<float>(fan_in)) : 1.0f, rng);
  fill_normal(m.b1, 1, hidden, scaled ? 0.01f : 1.0f, rng);
  fill_normal(m.W2, hidden, V, scaled ? 0.01f : 1.0f, rng);
  fill_normal(m.b2, 1, V, scaled ? 0.01f : 1.0f, rng);
  return m;
}

}  // namespace embedlab
