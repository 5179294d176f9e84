// The WebAssembly interface of the core's worked-example operations: lookup, one-hot, linear,
// unembedding, softmax, loss, similarity, vocabularies and random numbers. (Training is in
// training_exports.cpp; what both share is in handles.hpp.)
//
// Matrices are float32 and row-major; JavaScript reads and writes their entries in place
// through el_matrix_data(). Ids arrive as pointers to int32 arrays in WASM memory.
#include <emscripten/emscripten.h>

#include "compare.hpp"
#include "cost.hpp"
#include "distribution.hpp"
#include "embedding.hpp"
#include "handles.hpp"
#include "linear.hpp"
#include "loss.hpp"
#include "one_hot.hpp"
#include "similarity.hpp"
#include "softmax.hpp"
#include "unembedding.hpp"

using namespace embedlab;
using namespace embedlab::wasm;

namespace {

// The handle of a new vocabulary, or 0 with its error.
int add_vocabulary(Result<Vocabulary> vocab) {
  if (!vocab.ok()) return fail_with(0, vocab.message());
  return vocabularies.add(std::move(vocab.value()));
}

// Encodes text with a Vocabulary member (encode or encode_words) into ids_out; returns the number
// of ids, or -1 with its error.
int encode_into(int* ids_out, int handle, std::string_view text, Result<Ids> (Vocabulary::*encode)(std::string_view) const) {
  Vocabulary* v = vocabularies.find(handle);
  if (!v) return -1;
  auto ids = (v->*encode)(text);
  if (!ids.ok()) return fail_with(-1, ids.message());
  std::copy(ids.value().begin(), ids.value().end(), ids_out);
  return static_cast<int>(ids.value().size());
}

// *out = measure(a, b) for two (1, n) matrices, where measure returns a Result<float>.
template <class Measure>
int compare_vectors(float* out, int a, int b, Measure measure) {
  FloatMatrix *am = matrices.find(a), *bm = matrices.find(b);
  if (!am || !bm) return failed;
  Result<float> value = measure(flatten(*am), flatten(*bm));
  if (!value.ok()) return fail(value.message());
  *out = value.value();
  return ok;
}

}  // namespace

extern "C" {

// The message of the most recent failure.
EMSCRIPTEN_KEEPALIVE const char* el_last_error() { return last_error.c_str(); }

// ---- Matrices ---------------------------------------------------------------------------------

// A new rows x cols matrix of zeros; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_matrix_new(double rows, double cols) {
  if (Status s = check_size(rows, cols); !s.ok()) return fail_with(0, s.message());
  return matrices.add(FloatMatrix::Zero(static_cast<Index>(rows), static_cast<Index>(cols)));
}

// Frees a matrix.
EMSCRIPTEN_KEEPALIVE int el_matrix_free(int handle) { return matrices.remove(handle); }

// Rows of a matrix, or -1.
EMSCRIPTEN_KEEPALIVE int el_matrix_rows(int handle) {
  FloatMatrix* m = matrices.find(handle);
  return m ? static_cast<int>(m->rows()) : -1;
}

// Columns of a matrix, or -1.
EMSCRIPTEN_KEEPALIVE int el_matrix_cols(int handle) {
  FloatMatrix* m = matrices.find(handle);
  return m ? static_cast<int>(m->cols()) : -1;
}

// Where the rows * cols entries of a matrix live in WASM memory, row-major (null if no such
// matrix). Valid until the matrix is resized or freed.
EMSCRIPTEN_KEEPALIVE float* el_matrix_data(int handle) {
  FloatMatrix* m = matrices.find(handle);
  return m ? m->data() : nullptr;
}

// ---- Embedding, one-hot, linear, unembedding ------------------------------------------------

// out (B, d) = table[ids]. out: matrix handle for the result; table: (V, d); ids, count: B ids.
EMSCRIPTEN_KEEPALIVE int el_embedding_forward(int out, int table, const int* ids, int count) {
  FloatMatrix *o = matrices.find(out), *t = matrices.find(table);
  if (!o || !t) return failed;
  return report(embedding_forward(*o, *t, to_ids(ids, count)));
}

// dtable (V, d) += scatter of dout (B, d) into the rows named by ids (count of them).
EMSCRIPTEN_KEEPALIVE int el_embedding_backward(int dtable, int dout, const int* ids, int count) {
  FloatMatrix *dt = matrices.find(dtable), *d = matrices.find(dout);
  if (!dt || !d) return failed;
  return report(embedding_backward(*dt, *d, to_ids(ids, count)));
}

// out (1, B*d) = the rows of m (B, d) one after another.
EMSCRIPTEN_KEEPALIVE int el_flatten(int out, int m) {
  FloatMatrix *o = matrices.find(out), *in = matrices.find(m);
  if (!o || !in) return failed;
  *o = flatten(*in);
  return ok;
}

// out (B, V) = one-hot rows of ids (count of them) over a vocabulary of size vocab_size.
EMSCRIPTEN_KEEPALIVE int el_one_hot(int out, const int* ids, int count, int vocab_size) {
  FloatMatrix* o = matrices.find(out);
  if (!o) return failed;
  if (Status s = check_size(count, vocab_size); !s.ok()) return fail(s.message());
  return report(one_hot(*o, to_ids(ids, count), vocab_size));
}

// out (B, n) = x (B, m) W (m, n).
EMSCRIPTEN_KEEPALIVE int el_linear_forward(int out, int x, int W) {
  FloatMatrix *o = matrices.find(out), *xm = matrices.find(x), *w = matrices.find(W);
  if (!o || !xm || !w) return failed;
  if (Status s = check_size(xm->rows(), w->cols()); !s.ok()) return fail(s.message());
  return report(linear_forward(*o, *xm, *w));
}

// dx (B, m) = dout W^T; dW (m, n) += x^T dout.
EMSCRIPTEN_KEEPALIVE int el_linear_backward(int dx, int dW, int dout, int x, int W) {
  FloatMatrix *dxm = matrices.find(dx), *dw = matrices.find(dW), *d = matrices.find(dout),
              *xm = matrices.find(x), *w = matrices.find(W);
  if (!dxm || !dw || !d || !xm || !w) return failed;
  return report(linear_backward(*dxm, *dw, *d, *xm, *w));
}

// logits (B, V) = h (B, d) E^T, with E (V, d) the embedding table.
EMSCRIPTEN_KEEPALIVE int el_unembed_tied_forward(int logits, int h, int E) {
  FloatMatrix *l = matrices.find(logits), *hm = matrices.find(h), *e = matrices.find(E);
  if (!l || !hm || !e) return failed;
  if (Status s = check_size(hm->rows(), e->rows()); !s.ok()) return fail(s.message());
  return report(unembed_tied_forward(*l, *hm, *e));
}

// ---- Softmax and loss -----------------------------------------------------------------------

// probs (B, V) = softmax(logits / T) row by row; T >= 0 and finite.
EMSCRIPTEN_KEEPALIVE int el_softmax(int probs, int logits, float T) {
  FloatMatrix *p = matrices.find(probs), *l = matrices.find(logits);
  if (!p || !l) return failed;
  return report(softmax_forward(*p, *l, T));
}

// log_probs (B, V) = log softmax(logits / T) row by row.
EMSCRIPTEN_KEEPALIVE int el_log_softmax(int log_probs, int logits, float T) {
  FloatMatrix *p = matrices.find(log_probs), *l = matrices.find(logits);
  if (!p || !l) return failed;
  return report(log_softmax_forward(*p, *l, T));
}

// *out = the entropy in bits of row `row` of probs (B, V).
EMSCRIPTEN_KEEPALIVE int el_entropy_bits(float* out, int probs, int row) {
  FloatMatrix* p = matrices.find(probs);
  if (!p) return failed;
  if (Status s = check_id(row, p->rows()); !s.ok()) return fail("row: " + s.message());
  Result<float> entropy = entropy_bits<float>(p->row(row));
  if (!entropy.ok()) return fail(entropy.message());
  *out = entropy.value();
  return ok;
}

// The most probable id of row `row` of probs (B, V) into *id_out (the lowest of tied ones), its
// probability into *probability_out, the number of ids tied with it into *ties_out.
EMSCRIPTEN_KEEPALIVE int el_top_entry(int* id_out, float* probability_out, int* ties_out, int probs, int row) {
  FloatMatrix* p = matrices.find(probs);
  if (!p) return failed;
  if (Status s = check_id(row, p->rows()); !s.ok()) return fail("row: " + s.message());
  auto top = top_entry<float>(p->row(row));
  if (!top.ok()) return fail(top.message());
  *id_out = top.value().id;
  *probability_out = top.value().probability;
  *ties_out = static_cast<int>(top.value().ties);
  return ok;
}

// Mean cross-entropy of logits (B, V) against targets (count = B ids), written to *loss;
// probs (B, V) receives softmax(logits).
EMSCRIPTEN_KEEPALIVE int el_cross_entropy(float* loss, int probs, int logits, const int* targets, int count) {
  FloatMatrix *p = matrices.find(probs), *l = matrices.find(logits);
  if (!p || !l) return failed;
  Result<float> value = cross_entropy_forward(*p, *l, to_ids(targets, count));
  if (!value.ok()) return fail(value.message());
  *loss = value.value();
  return ok;
}

// dlogits (B, V) = (probs - onehot(targets)) / B.
EMSCRIPTEN_KEEPALIVE int el_cross_entropy_backward(int dlogits, int probs, const int* targets, int count) {
  FloatMatrix *d = matrices.find(dlogits), *p = matrices.find(probs);
  if (!d || !p) return failed;
  return report(cross_entropy_backward(*d, *p, to_ids(targets, count)));
}

// ---- Similarity -----------------------------------------------------------------------------

// *out = a . b, for two (1, n) matrices.
EMSCRIPTEN_KEEPALIVE int el_dot(float* out, int a, int b) { return compare_vectors(out, a, b, dot<float>); }

// *out = cos(a, b), for two (1, n) matrices.
EMSCRIPTEN_KEEPALIVE int el_cosine(float* out, int a, int b) {
  return compare_vectors(out, a, b, cosine_similarity<float>);
}

// *out = the angle between a and b in degrees, for two (1, n) matrices.
EMSCRIPTEN_KEEPALIVE int el_angle_degrees(float* out, int a, int b) {
  return compare_vectors(out, a, b, angle_degrees<float>);
}

// The cost of a (V, d) table read by B ids, as five numbers into out[5]: weights, table bytes,
// one-hot entries, one-hot multiply-adds, lookup copies (exact as doubles: all below 2^53).
EMSCRIPTEN_KEEPALIVE int el_embedding_cost(double* out, double V, double d, double B) {
  auto cost = embedding_cost(static_cast<std::int64_t>(V), static_cast<std::int64_t>(d), static_cast<std::int64_t>(B));
  if (!cost.ok()) return fail(cost.message());
  const EmbeddingCost& c = cost.value();
  for (const std::int64_t value : {c.weights, c.table_bytes, c.one_hot_entries, c.one_hot_macs, c.lookup_copies}) {
    *out++ = static_cast<double>(value);
  }
  return ok;
}

// The k rows of table (V, d) nearest to query (1, d) by cosine, best first, leaving out the
// exclude_count ids at exclude: their ids go to ids_out[k], their cosines to cosines_out[k].
EMSCRIPTEN_KEEPALIVE int el_nearest(int* ids_out, float* cosines_out, int table, int query, int k,
                                    const int* exclude, int exclude_count) {
  FloatMatrix *t = matrices.find(table), *q = matrices.find(query);
  if (!t || !q) return failed;
  auto nearest = nearest_rows<float>(*t, flatten(*q), k, to_ids(exclude, exclude_count));
  if (!nearest.ok()) return fail(nearest.message());
  for (size_t i = 0; i < nearest.value().size(); ++i) {
    ids_out[i] = nearest.value()[i].id;
    cosines_out[i] = nearest.value()[i].cosine;
  }
  return ok;
}

// The row of table nearest to table[a] - table[b] + table[c], other than a, b and c: its id into
// *id_out, its cosine into *cosine_out, and the query a - b + c into the matrix query_out (1, d).
EMSCRIPTEN_KEEPALIVE int el_analogy(int* id_out, float* cosine_out, int query_out, int table, int a, int b, int c) {
  FloatMatrix *q = matrices.find(query_out), *t = matrices.find(table);
  if (!q || !t) return failed;
  auto answer = analogy(*t, a, b, c);
  if (!answer.ok()) return fail(answer.message());
  *id_out = answer.value().id;
  *cosine_out = answer.value().cosine;
  *q = answer.value().query;
  return ok;
}

// Compares a and b (same shape) entry by entry, as five numbers into out[5]: the count of
// differing entries, the row and column of the first (-1 if none), the largest |a - b|, and 1 if
// every entry is bit-identical (else 0).
EMSCRIPTEN_KEEPALIVE int el_compare(double* out, int a, int b) {
  FloatMatrix *am = matrices.find(a), *bm = matrices.find(b);
  if (!am || !bm) return failed;
  auto found = compare(*am, *bm);
  if (!found.ok()) return fail(found.message());
  const Comparison<float>& c = found.value();
  for (const double value : {static_cast<double>(c.differing), static_cast<double>(c.first_row), static_cast<double>(c.first_col),
                             static_cast<double>(c.max_abs_difference), c.bit_identical ? 1.0 : 0.0}) {
    *out++ = value;
  }
  return ok;
}

// ---- Vocabulary -----------------------------------------------------------------------------

// A vocabulary from UTF-8 text (length bytes, one example per line) with a boundary symbol
// (a NUL-terminated UTF-8 string); returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_vocab_from_text(const char* text, int length, const char* boundary) {
  return add_vocabulary(Vocabulary::from_text(to_text(text, length), boundary));
}

// The character-level vocabulary of UTF-8 text (length bytes): its distinct code points, sorted.
EMSCRIPTEN_KEEPALIVE int el_vocab_from_characters(const char* text, int length) {
  return add_vocabulary(Vocabulary::from_characters(to_text(text, length)));
}

// The word-level vocabulary of UTF-8 text (length bytes): its words in order of first appearance.
EMSCRIPTEN_KEEPALIVE int el_vocab_from_words(const char* text, int length) {
  return add_vocabulary(Vocabulary::from_words(to_text(text, length)));
}

// A vocabulary from symbols in id order, given as UTF-8 text (length bytes) with one symbol a
// line; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_vocab_from_symbols(const char* lines, int length) {
  std::vector<std::string> symbols;
  std::string_view rest = to_text(lines, length);
  for (size_t end; (end = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(end + 1)) {
    symbols.emplace_back(rest.substr(0, end));
  }
  symbols.emplace_back(rest);
  return add_vocabulary(Vocabulary::from_symbols(std::move(symbols)));
}

// Frees a vocabulary.
EMSCRIPTEN_KEEPALIVE int el_vocab_free(int handle) { return vocabularies.remove(handle); }

// Number of symbols, or -1.
EMSCRIPTEN_KEEPALIVE int el_vocab_size(int handle) {
  Vocabulary* v = vocabularies.find(handle);
  return v ? static_cast<int>(v->size()) : -1;
}

// The symbol with this id as NUL-terminated UTF-8, or null.
EMSCRIPTEN_KEEPALIVE const char* el_vocab_symbol(int handle, int id) {
  Vocabulary* v = vocabularies.find(handle);
  if (!v) return nullptr;
  if (Status s = check_id(id, v->size()); !s.ok()) return fail_with<const char*>(nullptr, s.message());
  return v->symbols()[static_cast<size_t>(id)].c_str();
}

// Encodes UTF-8 text (length bytes) into ids_out, which has room for `length` ids (a text never
// has more code points than bytes); returns the number of ids, or -1.
EMSCRIPTEN_KEEPALIVE int el_vocab_encode(int* ids_out, int handle, const char* text, int length) {
  return encode_into(ids_out, handle, to_text(text, length), &Vocabulary::encode);
}

// Encodes the words of UTF-8 text (length bytes) into ids_out (room for `length` ids); returns
// the number of ids, or -1.
EMSCRIPTEN_KEEPALIVE int el_vocab_encode_words(int* ids_out, int handle, const char* text, int length) {
  return encode_into(ids_out, handle, to_text(text, length), &Vocabulary::encode_words);
}

// The text of count ids as NUL-terminated UTF-8 (valid until the next call), or null.
EMSCRIPTEN_KEEPALIVE const char* el_vocab_decode(int handle, const int* ids, int count) {
  Vocabulary* v = vocabularies.find(handle);
  if (!v) return nullptr;
  auto text = v->decode(to_ids(ids, count));
  if (!text.ok()) return fail_with<const char*>(nullptr, text.message());
  return keep_text(std::move(text.value()));
}

// ---- Random numbers -------------------------------------------------------------------------

// A generator seeded with a whole number in [0, 2^53]; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_rng_new(double seed) {
  if (!(seed >= 0 && seed <= 9007199254740992.0 && seed == std::floor(seed))) {
    return fail_with(0, "seed " + std::to_string(seed) + " must be a whole number from 0 to 2^53");
  }
  return generators.add(Rng(static_cast<std::uint64_t>(seed)));
}

// Frees a generator.
EMSCRIPTEN_KEEPALIVE int el_rng_free(int handle) { return generators.remove(handle); }

// The next 32 random bits into *out.
EMSCRIPTEN_KEEPALIVE int el_rng_next_u32(unsigned* out, int handle) {
  Rng* r = generators.find(handle);
  if (!r) return failed;
  *out = r->next_u32();
  return ok;
}

// A uniform draw in [0, 1) into *out.
EMSCRIPTEN_KEEPALIVE int el_rng_uniform(float* out, int handle) {
  Rng* r = generators.find(handle);
  if (!r) return failed;
  *out = r->uniform();
  return ok;
}

// A standard normal draw into *out.
EMSCRIPTEN_KEEPALIVE int el_rng_normal(float* out, int handle) {
  Rng* r = generators.find(handle);
  if (!r) return failed;
  *out = r->normal();
  return ok;
}

// out (rows, cols) = normal draws with standard deviation scale from generator `handle`.
EMSCRIPTEN_KEEPALIVE int el_normal_matrix(int out, int handle, double rows, double cols, float scale) {
  FloatMatrix* o = matrices.find(out);
  Rng* r = generators.find(handle);
  if (!o || !r) return failed;
  if (Status s = check_size(rows, cols); !s.ok()) return fail(s.message());
  *o = normal_matrix<float>(static_cast<Index>(rows), static_cast<Index>(cols), *r, scale);
  return ok;
}

// An id drawn from the probabilities in probs (1, V) into *out.
EMSCRIPTEN_KEEPALIVE int el_rng_categorical(int* out, int handle, int probs) {
  Rng* r = generators.find(handle);
  FloatMatrix* p = matrices.find(probs);
  if (!r || !p) return failed;
  auto id = r->categorical(flatten(*p));
  if (!id.ok()) return fail(id.message());
  *out = id.value();
  return ok;
}

}  // extern "C"
