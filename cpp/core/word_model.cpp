#include "word_model.hpp"

namespace embedlab {

Result<WordModel<float>> init_word_model(Index window, Index embed, bool tied, const RowVector<float>& log_frequency, Rng& rng) {
  const Index V = log_frequency.size();
  if (Status s = check_word_sizes(V, window, embed); !s.ok()) return Error{s.message()};
  WordModel<float> m;
  m.window = window;
  m.E = normal_matrix(V, embed, rng, init_scale);
  if (!tied) m.W_U = Matrix<float>::Zero(embed, V);
  m.b = log_frequency;
  return m;
}

}  // namespace embedlab
