#include "mlp.hpp"

#include <cmath>

#include "utf8.hpp"

namespace embedlab {

Result<Init> parse_init(std::string_view name) {
  if (name == "lecture") return Init::lecture;
  if (name == "scaled") return Init::scaled;
  return error("init ", quote(name), " is unknown: it must be lecture or scaled");
}

const char* init_name(Init init) { return init == Init::lecture ? "lecture" : "scaled"; }

Result<Mlp<float>> init_mlp(Index V, Index context, Index embed, Index hidden, Init init, Rng& rng) {
  if (Status s = check_mlp_sizes(V, context, embed, hidden); !s.ok()) return Error{s.message()};
  Mlp<float> m;
  m.context = context;
  const Index fan_in = context * embed;
  const bool scaled = init == Init::scaled;
  m.C = normal_matrix(V, embed, rng, 1.0f);
  m.W1 = normal_matrix(fan_in, hidden, rng, scaled ? (5.0f / 3.0f) / std::sqrt(static_cast<float>(fan_in)) : 1.0f);
  m.b1 = normal_matrix(1, hidden, rng, scaled ? 0.01f : 1.0f);
  m.W2 = normal_matrix(hidden, V, rng, scaled ? 0.01f : 1.0f);
  m.b2 = normal_matrix(1, V, rng, scaled ? 0.01f : 1.0f);
  return m;
}

}  // namespace embedlab
