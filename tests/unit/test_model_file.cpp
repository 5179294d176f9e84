// The JSON model file (written exactly, read back bit for bit, every rejection) and the
// Embedding Projector's TSV files.
#include "model_file.hpp"

#include <algorithm>
#include <cfloat>
#include <nlohmann/json.hpp>

#include "bundled_names.hpp"
#include "check.hpp"
#include "trainer.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
// V = 3 (. a b), B = 1, d = 1, H = 2.
Mlp<float> tiny_model() {
  Mlp<float> m;
  m.context = 1;
  m.C.resize(3, 1);
  m.C << 0.5f, -1, 0.1f;
  m.W1.resize(1, 2);
  m.W1 << 0.25f, 2;
  m.b1 = row_vector({0.0f, -0.5f});
  m.W2.resize(2, 3);
  m.W2 << 1, -2, 3,
          1e-7f, 0, 4;
  m.b2 = row_vector({0.0f, 0.0f, 100.0f});
  return m;
}
Vocabulary dot_a_b() { return expect_ok(Vocabulary::from_symbols({".", "a", "b"})); }

// The tiny model's file with one change made to its JSON.
template <class Change>
std::string changed(Change change) {
  nlohmann::json model = nlohmann::json::parse(expect_ok(write_model(dot_a_b(), tiny_model())));
  change(model);
  return model.dump();
}
}  // namespace

TEST_CASE("a model file lists format, version, vocabulary, sizes and the matrices as rows") {
  CHECK(expect_ok(write_model(dot_a_b(), tiny_model())) ==
        R"({"format":"embedlab-mlp","version":1,"vocab":[".","a","b"],"context":1,"embed":1,"hidden":2,)"
        R"("C":[[0.5],[-1.0],[0.1]],"W1":[[0.25,2.0]],"b1":[0.0,-0.5],"W2":[[1.0,-2.0,3.0],[1e-07,0.0,4.0]],)"
        R"("b2":[0.0,0.0,100.0]})"
        "\n");
}

TEST_CASE("a trained model reads back bit for bit") {
  TrainConfig config;
  config.hidden = 20;
  Trainer trainer = expect_ok(Trainer::create(expect_ok(make_dataset(bundled_names(), 3, 1)), config));
  for (int i = 0; i < 20; ++i) expect_ok(trainer.step());
  const std::string text = expect_ok(write_model(trainer.data().vocab, trainer.model()));
  const SavedModel saved = expect_ok(read_model(text));
  const Mlp<float>& m = trainer.model();
  CHECK(saved.vocab.symbols() == trainer.data().vocab.symbols());
  CHECK(saved.mlp.context == 3);
  CHECK(saved.mlp.C == m.C);
  CHECK(saved.mlp.W1 == m.W1);
  CHECK(saved.mlp.b1 == m.b1);
  CHECK(saved.mlp.W2 == m.W2);
  CHECK(saved.mlp.b2 == m.b2);
  CHECK(expect_ok(write_model(saved.vocab, saved.mlp)) == text);
}

TEST_CASE("text that is not JSON, or cut short, is rejected with the parser's position") {
  const std::string text = expect_ok(write_model(dot_a_b(), tiny_model()));
  CHECK(read_model(text.substr(0, 208)).message() ==  // 211 bytes, "]}\n" cut off
        "the model file is not valid JSON: parse error at line 1, column 209: syntax error while parsing "
        "array - unexpected end of input; expected ']'");
  CHECK(read_model("").message().rfind("the model file is not valid JSON: parse error at line 1, column 1:", 0) == 0);
  CHECK(read_model("[1, 2]").message() == "the model file must hold a JSON object, not an array");
}

TEST_CASE("a file of another format or version is rejected") {
  CHECK(read_model(changed([](auto& m) { m.erase("format"); })).message() == "\"format\" is missing");
  CHECK(read_model(changed([](auto& m) { m["format"] = "keras"; })).message() ==
        "\"format\" is \"keras\", not \"embedlab-mlp\" or \"embedlab-words\": this is not an Embedding Lab model");
  CHECK(read_model(changed([](auto& m) { m["version"] = 2; })).message() ==
        "version 2 is not supported: this reader knows version 1");
  CHECK(read_model(changed([](auto& m) { m["version"] = "1"; })).message() ==
        "\"version\" must be a whole number, not a string");
}

TEST_CASE("a bad vocabulary or size is rejected naming it") {
  CHECK(read_model(changed([](auto& m) { m["vocab"] = {".", "a", "a"}; })).message() ==
        "\"vocab\": symbol \"a\" appears twice, at ids 1 and 2");
  CHECK(read_model(changed([](auto& m) { m["vocab"][1] = 7; })).message() ==
        "\"vocab\": the symbol at id 1 is 7, not a string");
  CHECK(read_model(changed([](auto& m) { m["context"] = 1.5; })).message() ==
        "\"context\" must be a whole number, not 1.5");
  CHECK(read_model(changed([](auto& m) { m["hidden"] = 5000; })).message() ==
        "hidden 5000 is out of range: it must be from 1 to 1024");
  CHECK(read_model(changed([](auto& m) { m.erase("embed"); })).message() == "\"embed\" is missing");
}

TEST_CASE("a matrix of the wrong shape or with a bad number is rejected naming where") {
  CHECK(read_model(changed([](auto& m) { m["C"].erase(0); })).message() == "\"C\" has 2 rows but 3 are needed");
  CHECK(read_model(changed([](auto& m) { m["W2"][1].push_back(5); })).message() ==
        "row 1 of \"W2\" has 4 numbers but 3 are needed");
  CHECK(read_model(changed([](auto& m) { m["W1"] = "none"; })).message() ==
        "\"W1\" must be an array of 1 rows, not a string");
  CHECK(read_model(changed([](auto& m) { m["b1"][1] = nullptr; })).message() == "\"b1\": entry 1 is null, not a number");
  CHECK(read_model(changed([](auto& m) { m.erase("b2"); })).message() == "\"b2\" is missing");
  const std::string huge = changed([](auto& m) { m["C"][2][0] = 1e39; });  // beyond float32's 3.4e38
  CHECK(read_model(huge).message() == "the model file is not valid JSON: number overflow parsing '1e+39'");
}

TEST_CASE("a model that cannot be written is an error") {
  Mlp<float> m = tiny_model();
  m.W2(0, 1) = NAN;
  CHECK(write_model(dot_a_b(), m).message() == "W2: nan at row 0, column 1 is not finite");
  CHECK(write_model(expect_ok(Vocabulary::from_symbols({".", "a"})), tiny_model()).message() ==
        "the vocabulary has 2 symbols but the model has 3");
}

TEST_CASE("the projector files hold one row and one symbol a line") {
  CHECK(projector_vectors(tiny_model().W2) == "1.0\t-2.0\t3.0\n1e-07\t0.0\t4.0\n");
  CHECK(projector_metadata(expect_ok(Vocabulary::from_symbols({".", "a", "\t", "back\\slash"}))) ==
        ".\na\n\\t\nback\\\\slash\n");
}

TEST_CASE("a format string of a million characters is quoted by its first 40") {
  const std::string text = changed([](auto& m) { m["format"] = std::string(1000000, 'x') + "\n"; });
  CHECK(read_model(text).message() ==
        "\"format\" is \"" + std::string(40, 'x') + "…\", not \"embedlab-mlp\" or \"embedlab-words\": this is not an "
        "Embedding Lab model");
}

TEST_CASE("a model file beyond 64 MB is refused before it is parsed") {
  const std::string text(max_model_file_bytes + 1, '[');
  CHECK(read_model(text).message() == "the model file is larger than 64 MB (67108864 bytes), the limit for a model file");
}

TEST_CASE("deep nesting is refused with a message, not a stack overflow") {
  const std::string deep = "the model file: arrays and objects nest more than 8 levels deep";
  CHECK(read_model(std::string(100000, '[')).message() == deep);
  CHECK(read_model(std::string(100000, '[') + std::string(100000, ']')).message() == deep);
  CHECK(read_model(changed([](auto& m) { m["C"][0][0] = nlohmann::json::parse("[[[[[[[[1]]]]]]]]"); })).message() == deep);
  CHECK(read_model(changed([](auto& m) { m["C"][0][0] = nlohmann::json::parse("[[[[[1]]]]]"); })).message() ==
        "row 0 of \"C\": entry 0 is an array, not a number");
}

TEST_CASE("a parse error quotes at most a short prefix of the text it stopped at") {
  const std::string text = "{\"format\": \"" + std::string(1000000, 'y') + "\u0001";
  CHECK(read_model(text).message() ==
        "the model file is not valid JSON: parse error at line 1, column 1000013: syntax error while parsing value - "
        "invalid string: control character U+0001 (SOH) must be escaped to \\u0001; last read: '\\\"" +
        std::string(38, 'y') + "…'");  // \" counts as the two characters it shows
}

TEST_CASE("a size beyond 64 bits as a whole number is reported as written") {
  CHECK(read_model(changed([](auto& m) { m["context"] = 18446744073709551615u; })).message() ==
        "\"context\" 18446744073709551615 is too large");
}

TEST_CASE("finite weights whose logits would overflow float32 are refused at load") {
  // |logit of b| <= |W2[0][2]| + |W2[1][2]| + |b2[2]| = 3e38 + 3e38 + 100 > 1e38: h = tanh(.) can be near 1 in both units
  const std::string text = changed([](auto& m) { m["W2"][0][2] = 3e38; m["W2"][1][2] = 3e38; });
  CHECK(read_model(text).message() ==
        "the logit of symbol \"b\" (id 2) can reach 6e+38 (from W2 and b2), beyond the 1e+38 that float32 computes "
        "safely: this model overflows");
}

TEST_CASE("finite weights whose pre-activations would overflow float32 are refused at load") {
  // |pre-activation 1| <= max|C| |W1[0][1]| + |b1[1]| = 1e30 * 1e10 + 0.5 = 1e40
  const std::string text = changed([](auto& m) { m["C"][1][0] = -1e30; m["W1"][0][1] = 1e10; });
  CHECK(read_model(text).message() ==
        "hidden unit 1 can reach 1e+40 before tanh (from C, W1 and b1), beyond the 1e+38 that float32 computes "
        "safely: this model overflows");
}

TEST_CASE("large weights that cannot overflow are read, and a model that would overflow is not written") {
  const std::string text = changed([](auto& m) { m["W2"][0][2] = 4e37; m["W2"][1][2] = -4e37; });
  CHECK(expect_ok(read_model(text)).mlp.W2(1, 2) == -4e37f);
  Mlp<float> m = tiny_model();
  m.b2[1] = FLT_MAX;
  CHECK(write_model(dot_a_b(), m).message().rfind("the logit of symbol \"a\" (id 1) can reach", 0) == 0);
}

namespace {

// One random change to a model file's text: a cut, a byte flipped, a number, a value of another
// type, deep nesting or a long string put in, a slice deleted or repeated.
void mutate(std::string& text, Rng& rng) {
  auto below = [&](size_t n) { return static_cast<size_t>(rng.below(static_cast<std::uint32_t>(std::max<size_t>(n, 1))).value()); };
  auto pick = [&](std::initializer_list<const char*> from) { return std::string(from.begin()[below(from.size())]); };
  const size_t at = below(text.size() + 1);
  switch (below(9)) {
    case 0: text.resize(at); break;
    case 1: if (at < text.size()) text[at] = static_cast<char>(below(256)); break;
    case 2: text.insert(at, pick({"1e39", "-3.4e38", "3e38", "1e308", "1e-400", "123456789012345678901234567890", "-0",
                                  "18446744073709551616", "-9223372036854775809", "0.1e"})); break;
    case 3: text.insert(at, pick({"{}", "[]", "\"x\"", "true", "null", "-1", "[[]]", "[\"a\"]", "{\"a\":1}", ",", ":"})); break;
    case 4: text.insert(at, std::string(below(20000), pick({"[", "{"})[0])); break;
    case 5: text.insert(at, "\"" + std::string(below(2) == 0 ? below(100) : below(100000), 'q') + "\""); break;
    case 6: text.erase(at, below(200)); break;
    case 7: text.insert(at, text.substr(below(text.size()), below(300))); break;
    default: text.insert(at, 1, static_cast<char>(below(256))); break;
  }
}

// One value of a model file's JSON, chosen at random down to a matrix entry, replaced by a value
// of another type, a number beyond float32, a large but finite one, deep nesting or a long string.
void mutate_value(nlohmann::json& model, Rng& rng) {
  auto below = [&](size_t n) { return static_cast<size_t>(rng.below(static_cast<std::uint32_t>(std::max<size_t>(n, 1))).value()); };
  nlohmann::json* node = &model;
  while (!node->empty() && (node->is_object() || node->is_array()) && below(4) != 0) {
    auto it = node->begin();
    std::advance(it, static_cast<std::ptrdiff_t>(below(node->size())));
    node = &*it;
  }
  const nlohmann::json hostile[] = {nullptr, true, "x", nlohmann::json::array(), nlohmann::json::object(), -1, 1.5, 1e38,
                                    -3e38, 1e300, 0, 18446744073709551615u, -9223372036854775807 - 1,
                                    nlohmann::json::parse("[[[[[[[[[[0]]]]]]]]]]"), std::string(100000, 's'),
                                    nlohmann::json::array({0, 1, 2}), nlohmann::json::array({"a", "a"})};
  *node = hostile[below(std::size(hostile))];
}

}  // namespace

TEST_CASE("3000 mutated model files are each read or refused with one short line, never a crash") {
  TrainConfig config;
  config.embed = 2;
  config.hidden = 8;
  Trainer trainer = expect_ok(Trainer::create(expect_ok(make_dataset(bundled_names(), 3, 1)), config));
  expect_ok(trainer.run(20));
  const std::string good = expect_ok(write_model(trainer.data().vocab, trainer.model()));
  Rng rng(2026);
  int read = 0, refused = 0, broken = 0;
  std::string first_broken;
  for (int i = 0; i < 3000; ++i) {
    std::string text = good;
    const bool as_json = rng.below(2).value() == 0;  // half of them changed as JSON, then maybe as bytes
    if (as_json) {
      nlohmann::json model = nlohmann::json::parse(good);
      mutate_value(model, rng);
      text = model.dump();
    }
    const int changes = (as_json ? 0 : 1) + static_cast<int>(rng.below(3).value());
    for (int c = 0; c < changes; ++c) mutate(text, rng);
    const auto saved = read_model(text);
    if (saved.ok()) {
      ++read;
      if (!write_model(saved.value().vocab, saved.value().mlp).ok()) ++broken;  // what is read can be written
      continue;
    }
    ++refused;
    const std::string& message = saved.message();
    if (message.empty() || message.size() > 300 || message.find('\n') != std::string::npos) {
      if (++broken == 1) first_broken = message.substr(0, 500);
    }
  }
  MESSAGE("3000 mutated model files: " << read << " read, " << refused << " refused, " << broken << " broke the promise");
  CHECK_MESSAGE(broken == 0, first_broken);
}
