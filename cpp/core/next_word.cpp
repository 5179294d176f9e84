#include "next_word.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include "distribution.hpp"
#include "limits.hpp"
#include "softmax.hpp"
#include "utf8.hpp"
#include "word_vocab.hpp"

namespace embedlab {

namespace {

// The words as one quoted list: "a", "b".
std::string quoted_list(const std::vector<std::string>& words) {
  std::string list;
  for (const std::string& word : words) list += (list.empty() ? "" : ", ") + quote(word);
  return list;
}

}  // namespace

Result<NextWords> read_next_word_context(const Vocabulary& vocab, Index window, std::string_view text) {
  if (text.size() > max_context_bytes) {
    return error("the context is ", text.size(), " bytes long: at most ", max_context_bytes, " are read");
  }
  if (auto points = decode_utf8(text); !points.ok()) return error("the context: ", points.message());
  std::vector<std::string> typed = line_words(text);
  if (typed.empty()) return error("the context ", quote(text), " has no words: type one or more, e.g. \"feed the\"");
  NextWords next;
  const auto k = static_cast<std::size_t>(window);
  const std::size_t first = typed.size() > k ? typed.size() - k : 0;  // the first word read
  next.left_out.assign(typed.begin(), typed.begin() + static_cast<std::ptrdiff_t>(first));
  next.ids.assign(k - (typed.size() - first), boundary_word);  // "." before, as at the start of a line
  for (std::size_t i = first; i < typed.size(); ++i) {
    const std::optional<Id> id = vocab.find(typed[i]);
    if (!id) next.unknown.push_back(typed[i]);
    next.ids.push_back(id.value_or(unknown_word));
  }
  if (next.unknown.size() == typed.size() - first) {
    return error("no word the model reads is in its vocabulary (", quoted_list(next.unknown), " would all be \"<unk>\"): try words of its corpus");
  }
  next.ids.insert(next.ids.end(), k, boundary_word);  // "." after, as at the end of a line
  for (Id id : next.ids) next.read.push_back(vocab.symbols()[static_cast<std::size_t>(id)]);
  return next;
}

Result<NextWords> next_words(const WordModel<float>& m, const Vocabulary& vocab, std::string_view text, float T, Index top) {
  if (Status s = check_word_model(m); !s.ok()) return Error{s.message()};
  const Index V = m.E.rows();
  if (vocab.size() != V) return error("the vocabulary has ", vocab.size(), " words but the model scores ", V);
  if (top < 1) return error("top ", top, " must be 1 or more");
  if (Status s = check_temperature(T); !s.ok()) return Error{s.message()};
  auto read = read_next_word_context(vocab, m.window, text);
  if (!read.ok()) return read;
  NextWords next = std::move(read.value());

  WordScratch<float> s;
  if (Status st = word_forward(s, m, next.ids); !st.ok()) return Error{st.message()};  // s.h (1, d), s.logits (1, V)
  Matrix<float> probs;                                                                   // (1, V)
  if (Status st = softmax_forward(probs, s.logits, T); !st.ok()) return Error{st.message()};
  auto entropy = entropy_bits<float>(probs.row(0));
  if (!entropy.ok()) return Error{entropy.message()};
  next.h = s.h.row(0);
  next.entropy_bits = entropy.value();

  Ids order(static_cast<std::size_t>(V));
  std::iota(order.begin(), order.end(), Id{0});
  const auto N = static_cast<std::ptrdiff_t>(std::min(top, V));
  std::partial_sort(order.begin(), order.begin() + N, order.end(), [&](Id a, Id b) {
    return s.logits(0, a) > s.logits(0, b) || (s.logits(0, a) == s.logits(0, b) && a < b);
  });
  for (auto it = order.begin(); it != order.begin() + N; ++it) {
    const Id id = *it;
    const RowVector<float> output = m.tied() ? RowVector<float>(m.E.row(id)) : RowVector<float>(m.W_U.col(id).transpose());  // (d)
    next.top.push_back({id, vocab.symbols()[static_cast<std::size_t>(id)], output, m.b[id], s.logits(0, id), probs(0, id)});
  }
  return next;
}

}  // namespace embedlab
