// The WebAssembly interface of the core's worked-example operations: lookup, one-hot, linear,
// unembedding, softmax, loss, similarity, vocabularies and random numbers. (Training is in
// training_exports.cpp; what both share is in handles.hpp.)
//
// Matrices are float32 and row-major; JavaScript reads and writes their entries in place
// through el_matrix_data(). Ids arrive as pointers to int32 arrays in WASM memory. Results of
// several numbers, or of a length the core decides, come back as JSON text.
#include <emscripten/emscripten.h>
#include <malloc.h>

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

// The ids of text as a JSON array, encoded with a Vocabulary member (encode or encode_words);
// null with its error.
const char* encode_json(int handle, std::string_view text, Result<Ids> (Vocabulary::*encode)(std::string_view) const) {
  Vocabulary* v = vocabularies.find(handle);
  if (!v) return nullptr;
  auto ids = (v->*encode)(text);
  if (!ids.ok()) return fail_with<const char*>(nullptr, ids.message());
  return keep_json(ids.value());
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

// A row of a table and its cosine with a query, as JSON: {"id": 3, "cosine": 0.5}.
Json neighbour_json(const Neighbour<float>& n) { return {{"id", n.id}, {"cosine", exact(n.cosine)}}; }

}  // namespace

extern "C" {

// The message of the most recent failure.
EMSCRIPTEN_KEEPALIVE const char* el_last_error() { return last_error.c_str(); }

// Bytes of WASM memory allocated and not yet freed (what the tests watch for leaks).
EMSCRIPTEN_KEEPALIVE double el_memory_in_use() { return static_cast<double>(mallinfo().uordblks); }

// ---- Matrices ---------------------------------------------------------------------------------

// A new rows x cols matrix of zeros; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_matrix_new(double rows, double cols) {
  return guarded(0, [&] {
    if (Status s = check_size(rows, cols); !s.ok()) return fail_with(0, s.message());
    return matrices.add(FloatMatrix::Zero(static_cast<Index>(rows), static_cast<Index>(cols)));
  });
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

// out (N, d) = table[ids]. out: matrix handle for the result; table: (V, d); ids, count: N ids.
EMSCRIPTEN_KEEPALIVE int el_embedding_forward(int out, int table, const int* ids, int count) {
  return guarded(failed, [&] {
    FloatMatrix* t = matrices.find(table);
    if (!t) return failed;
    if (Status s = check_size(count, t->cols()); !s.ok()) return fail(s.message());
    return into(out, [&](FloatMatrix& o) { return embedding_forward(o, *t, to_ids(ids, count)); });
  });
}

// out (1, N*d) = the rows of m (N, d) one after another.
EMSCRIPTEN_KEEPALIVE int el_flatten(int out, int m) {
  return guarded(failed, [&] {
    FloatMatrix* in = matrices.find(m);
    if (!in) return failed;
    return into(out, [&](FloatMatrix& o) {
      o = flatten(*in);
      return Status();
    });
  });
}

// out (N, V) = one-hot rows of ids (count of them) over a vocabulary of size vocab_size.
EMSCRIPTEN_KEEPALIVE int el_one_hot(int out, const int* ids, int count, int vocab_size) {
  return guarded(failed, [&] {
    if (Status s = check_size(count, vocab_size); !s.ok()) return fail(s.message());
    return into(out, [&](FloatMatrix& o) { return one_hot(o, to_ids(ids, count), vocab_size); });
  });
}

// out (N, n) = x (N, m) W (m, n).
EMSCRIPTEN_KEEPALIVE int el_linear_forward(int out, int x, int W) {
  return guarded(failed, [&] {
    FloatMatrix *xm = matrices.find(x), *w = matrices.find(W);
    if (!xm || !w) return failed;
    if (Status s = check_size(xm->rows(), w->cols()); !s.ok()) return fail(s.message());
    return into(out, [&](FloatMatrix& o) { return linear_forward(o, *xm, *w); });
  });
}

// logits (N, V) = h (N, d) E^T, with E (V, d) the embedding table.
EMSCRIPTEN_KEEPALIVE int el_unembed_tied_forward(int logits, int h, int E) {
  return guarded(failed, [&] {
    FloatMatrix *hm = matrices.find(h), *e = matrices.find(E);
    if (!hm || !e) return failed;
    if (Status s = check_size(hm->rows(), e->rows()); !s.ok()) return fail(s.message());
    return into(logits, [&](FloatMatrix& l) { return unembed_tied_forward(l, *hm, *e); });
  });
}

// ---- Softmax and loss -----------------------------------------------------------------------

// probs (N, V) = softmax(logits / temperature) row by row; temperature >= 0 and finite.
EMSCRIPTEN_KEEPALIVE int el_softmax(int probs, int logits, double temperature) {
  return guarded(failed, [&] {
    FloatMatrix* l = matrices.find(logits);
    if (!l) return failed;
    Result<float> t = to_float("temperature", temperature);
    if (!t.ok()) return fail(t.message());
    return into(probs, [&](FloatMatrix& p) { return softmax_forward(p, *l, t.value()); });
  });
}

// *out = the entropy in bits of row `row` of probs (N, V).
EMSCRIPTEN_KEEPALIVE int el_entropy_bits(float* out, int probs, int row) {
  return guarded(failed, [&] {
    FloatMatrix* p = matrices.find(probs);
    if (!p) return failed;
    if (Status s = check_id(row, p->rows()); !s.ok()) return fail("row: " + s.message());
    Result<float> entropy = entropy_bits<float>(p->row(row));
    if (!entropy.ok()) return fail(entropy.message());
    *out = entropy.value();
    return ok;
  });
}

// The most probable entry of row `row` of probs (N, V) as JSON {"id", "probability", "ties"}: the
// lowest id of tied ones and how many ids share its probability; null with its error.
EMSCRIPTEN_KEEPALIVE const char* el_top_entry(int probs, int row) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    FloatMatrix* p = matrices.find(probs);
    if (!p) return nullptr;
    if (Status s = check_id(row, p->rows()); !s.ok()) return fail_with<const char*>(nullptr, "row: " + s.message());
    auto top = top_entry<float>(p->row(row));
    if (!top.ok()) return fail_with<const char*>(nullptr, top.message());
    return keep_json({{"id", top.value().id}, {"probability", exact(top.value().probability)}, {"ties", top.value().ties}});
  });
}

// Mean cross-entropy of logits (N, V) against targets (count = N ids), written to *loss;
// probs (N, V) receives softmax(logits).
EMSCRIPTEN_KEEPALIVE int el_cross_entropy(float* loss, int probs, int logits, const int* targets, int count) {
  return guarded(failed, [&] {
    FloatMatrix* l = matrices.find(logits);
    if (!l) return failed;
    return into(probs, [&](FloatMatrix& p) {
      Result<float> value = cross_entropy_forward(p, *l, to_ids(targets, count));
      if (value.ok()) *loss = value.value();
      return value.status();
    });
  });
}

// ---- Similarity -----------------------------------------------------------------------------

// *out = a . b, for two (1, n) matrices.
EMSCRIPTEN_KEEPALIVE int el_dot(float* out, int a, int b) {
  return guarded(failed, [&] { return compare_vectors(out, a, b, dot<float>); });
}

// *out = cos(a, b), for two (1, n) matrices.
EMSCRIPTEN_KEEPALIVE int el_cosine(float* out, int a, int b) {
  return guarded(failed, [&] { return compare_vectors(out, a, b, cosine_similarity<float>); });
}

// *out = the angle between a and b in degrees, for two (1, n) matrices.
EMSCRIPTEN_KEEPALIVE int el_angle_degrees(float* out, int a, int b) {
  return guarded(failed, [&] { return compare_vectors(out, a, b, angle_degrees<float>); });
}

// The cost of a (V, d) table read by T ids, as JSON {"weights", "tableBytes", "oneHotEntries",
// "oneHotMacs", "lookupCopies"} (exact as JavaScript numbers: all below 2^53), or null.
EMSCRIPTEN_KEEPALIVE const char* el_embedding_cost(double V, double d, double T) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    const std::pair<const char*, double> sizes[] = {{"vocabulary size V", V}, {"embedding width d", d}, {"context length B", T}};
    for (const auto& [name, value] : sizes) {
      if (!is_whole(value)) return fail_with<const char*>(nullptr, error(name, " = ", value, " is not a whole number").message);
    }
    auto cost = embedding_cost(static_cast<std::int64_t>(V), static_cast<std::int64_t>(d), static_cast<std::int64_t>(T));
    if (!cost.ok()) return fail_with<const char*>(nullptr, cost.message());
    const EmbeddingCost& c = cost.value();
    return keep_json({{"weights", c.weights}, {"tableBytes", c.table_bytes}, {"oneHotEntries", c.one_hot_entries},
                      {"oneHotMacs", c.one_hot_macs}, {"lookupCopies", c.lookup_copies}});
  });
}

// The k rows of table (V, d) nearest to query (1, d) by cosine, best first, leaving out the
// exclude_count ids at exclude, as a JSON array of {"id", "cosine"}; null with its error (k
// is checked against the rows before anything is sized by it).
EMSCRIPTEN_KEEPALIVE const char* el_nearest(int table, int query, double k, const int* exclude, int exclude_count) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    FloatMatrix *t = matrices.find(table), *q = matrices.find(query);
    if (!t || !q) return nullptr;
    auto count = whole_number("k", k, 1, t->rows());
    if (!count.ok()) return fail_with<const char*>(nullptr, count.message() + " (the rows of the table)");
    auto nearest = nearest_rows<float>(*t, flatten(*q), static_cast<Index>(count.value()), to_ids(exclude, exclude_count));
    if (!nearest.ok()) return fail_with<const char*>(nullptr, nearest.message());
    Json list = Json::array();
    for (const Neighbour<float>& n : nearest.value()) list.push_back(neighbour_json(n));
    return keep_json(list);
  });
}

// The row of table nearest to table[a] - table[b] + table[c], other than a, b and c, as JSON
// {"id", "cosine"}, with the query a - b + c into the matrix query_out (1, d); null with its error.
EMSCRIPTEN_KEEPALIVE const char* el_analogy(int query_out, int table, int a, int b, int c) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    FloatMatrix* t = matrices.find(table);
    if (!t) return nullptr;
    auto answer = analogy(*t, a, b, c);
    if (!answer.ok()) return fail_with<const char*>(nullptr, answer.message());
    if (into(query_out, [&](FloatMatrix& q) { q = answer.value().query; return Status{}; }) != ok) return nullptr;
    return keep_json({{"id", answer.value().id}, {"cosine", exact(answer.value().cosine)}});
  });
}

// Compares a and b (same shape) entry by entry, as JSON {"differing", "firstRow", "firstCol"
// (-1 if none), "maxAbsDifference" (null when a difference is NaN), "bitIdentical"}.
EMSCRIPTEN_KEEPALIVE const char* el_compare(int a, int b) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    FloatMatrix *am = matrices.find(a), *bm = matrices.find(b);
    if (!am || !bm) return nullptr;
    auto found = compare(*am, *bm);
    if (!found.ok()) return fail_with<const char*>(nullptr, found.message());
    const Comparison<float>& c = found.value();
    return keep_json({{"differing", c.differing}, {"firstRow", c.first_row}, {"firstCol", c.first_col},
                      {"maxAbsDifference", exact(c.max_abs_difference)}, {"bitIdentical", c.bit_identical}});
  });
}

// ---- Vocabulary -----------------------------------------------------------------------------

// A vocabulary from UTF-8 text (length bytes, one example per line) with a boundary symbol
// (a NUL-terminated UTF-8 string); returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_vocab_from_text(const char* text, int length, const char* boundary) {
  return guarded(0, [&] { return add_vocabulary(Vocabulary::from_text(to_text(text, length), boundary)); });
}

// The character-level vocabulary of UTF-8 text (length bytes): its distinct code points, sorted.
EMSCRIPTEN_KEEPALIVE int el_vocab_from_characters(const char* text, int length) {
  return guarded(0, [&] { return add_vocabulary(Vocabulary::from_characters(to_text(text, length))); });
}

// The word-level vocabulary of UTF-8 text (length bytes): its words in order of first appearance.
EMSCRIPTEN_KEEPALIVE int el_vocab_from_words(const char* text, int length) {
  return guarded(0, [&] { return add_vocabulary(Vocabulary::from_words(to_text(text, length))); });
}

// A vocabulary from symbols in id order, given as UTF-8 text (length bytes) with one symbol a
// line; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_vocab_from_symbols(const char* lines, int length) {
  return guarded(0, [&] {
    std::vector<std::string> symbols;
    std::string_view rest = to_text(lines, length);
    for (size_t end; (end = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(end + 1)) {
      symbols.emplace_back(rest.substr(0, end));
    }
    symbols.emplace_back(rest);
    return add_vocabulary(Vocabulary::from_symbols(std::move(symbols)));
  });
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

// The ids of the code points of UTF-8 text (length bytes) as a JSON array, or null.
EMSCRIPTEN_KEEPALIVE const char* el_vocab_encode(int handle, const char* text, int length) {
  return guarded<const char*>(nullptr, [&] { return encode_json(handle, to_text(text, length), &Vocabulary::encode); });
}

// The ids of the words of UTF-8 text (length bytes) as a JSON array, or null.
EMSCRIPTEN_KEEPALIVE const char* el_vocab_encode_words(int handle, const char* text, int length) {
  return guarded<const char*>(nullptr, [&] { return encode_json(handle, to_text(text, length), &Vocabulary::encode_words); });
}

// The text of count ids as NUL-terminated UTF-8 (valid until the next call), or null.
EMSCRIPTEN_KEEPALIVE const char* el_vocab_decode(int handle, const int* ids, int count) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    Vocabulary* v = vocabularies.find(handle);
    if (!v) return nullptr;
    auto text = v->decode(to_ids(ids, count));
    if (!text.ok()) return fail_with<const char*>(nullptr, text.message());
    return keep_text(std::move(text.value()));
  });
}

// ---- Random numbers -------------------------------------------------------------------------

// A generator seeded with a whole number in [0, 2^53]; returns its handle, or 0.
EMSCRIPTEN_KEEPALIVE int el_rng_new(double seed) {
  return guarded(0, [&] {
    auto s = whole_number("seed", seed, 0, max_whole_int);
    if (!s.ok()) return fail_with(0, s.message());
    return generators.add(Rng(static_cast<std::uint64_t>(s.value())));
  });
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
EMSCRIPTEN_KEEPALIVE int el_normal_matrix(int out, int handle, double rows, double cols, double scale) {
  return guarded(failed, [&] {
    Rng* r = generators.find(handle);
    if (!r) return failed;
    if (Status s = check_size(rows, cols); !s.ok()) return fail(s.message());
    Result<float> sd = to_float("scale", scale);
    if (!sd.ok()) return fail(sd.message());
    return into(out, [&](FloatMatrix& o) {
      o = normal_matrix<float>(static_cast<Index>(rows), static_cast<Index>(cols), *r, sd.value());
      return Status();
    });
  });
}

// An id drawn from the probabilities in probs (1, V) into *out.
EMSCRIPTEN_KEEPALIVE int el_rng_categorical(int* out, int handle, int probs) {
  return guarded(failed, [&] {
    Rng* r = generators.find(handle);
    FloatMatrix* p = matrices.find(probs);
    if (!r || !p) return failed;
    auto id = r->categorical(flatten(*p));
    if (!id.ok()) return fail(id.message());
    *out = id.value();
    return ok;
  });
}

}  // extern "C"
