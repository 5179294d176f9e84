// The word model's file (written exactly, read back bit for bit, every refusal), and the one
// reader of both kinds of model file: today's "embedlab-mlp" files still load.
#include "word_model_file.hpp"

#include <cfloat>
#include <cmath>
#include <nlohmann/json.hpp>
#include <variant>

#include "check.hpp"
#include "model_file.hpp"
#include "model_mutation.hpp"
#include "word_fixture.hpp"
#include "word_queries.hpp"
#include "word_vocab.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
// V = 4 (. <unk> cat dog), k = 1, d = 2.
WordModel<float> tiny_words(bool tied) {
  WordModel<float> m;
  m.window = 1;
  m.E.resize(4, 2);
  m.E << 0, 0,
         0.5f, -0.5f,
         1, 2,
         -1, 0.25f;
  if (!tied) {
    m.W_U.resize(2, 4);
    m.W_U << 1, 0, -1, 0.5f,
             0, 2, 0, -3;
  }
  m.b = row_vector({0.0f, -1.0f, 0.5f, 2.0f});
  return m;
}
Vocabulary cat_dog() { return expect_ok(Vocabulary::from_symbols({".", "<unk>", "cat", "dog"})); }

// The tiny word model's file with one change made to its JSON.
template <class Change>
std::string changed(Change change, bool tied = false) {
  nlohmann::json model = nlohmann::json::parse(expect_ok(write_word_model(cat_dog(), tiny_words(tied))));
  change(model);
  return model.dump();
}

// A character model's file of today: V = 3 (. a b), B = 1, d = 1, H = 2.
const std::string mlp_file =
    R"({"format":"embedlab-mlp","version":1,"vocab":[".","a","b"],"context":1,"embed":1,"hidden":2,)"
    R"("C":[[0.5],[-1.0],[0.1]],"W1":[[0.25,2.0]],"b1":[0.0,-0.5],"W2":[[1.0,-2.0,3.0],[1e-07,0.0,4.0]],)"
    R"("b2":[0.0,0.0,100.0]})";

// Why read_any_model refused a text.
std::string refusal(const std::string& text) { return read_any_model(text).message(); }
}  // namespace

TEST_CASE("a word model file lists format, version, vocabulary, sizes, tied and the matrices as rows") {
  CHECK(expect_ok(write_word_model(cat_dog(), tiny_words(false))) ==
        R"({"format":"embedlab-words","version":1,"vocab":[".","<unk>","cat","dog"],"window":1,"embed":2,"tied":false,)"
        R"("E":[[0.0,0.0],[0.5,-0.5],[1.0,2.0],[-1.0,0.25]],"W_U":[[1.0,0.0,-1.0,0.5],[0.0,2.0,0.0,-3.0]],)"
        R"("b":[0.0,-1.0,0.5,2.0]})"
        "\n");
}

TEST_CASE("a tied word model's file has no W_U") {
  CHECK(expect_ok(write_word_model(cat_dog(), tiny_words(true))) ==
        R"({"format":"embedlab-words","version":1,"vocab":[".","<unk>","cat","dog"],"window":1,"embed":2,"tied":true,)"
        R"("E":[[0.0,0.0],[0.5,-0.5],[1.0,2.0],[-1.0,0.25]],"b":[0.0,-1.0,0.5,2.0]})"
        "\n");
}

TEST_CASE_TEMPLATE("a trained word model reads back bit for bit", Tied, std::true_type, std::false_type) {
  WordConfig config = tiny_config();
  config.tied = Tied::value;
  WordTrainer trainer = expect_ok(make_word_trainer(tiny_corpus, config));
  expect_ok(trainer.run(20));
  const std::string text = expect_ok(write_word_model(trainer.data().vocab, trainer.model()));
  const AnyModel any = expect_ok(read_any_model(text));
  REQUIRE(std::holds_alternative<SavedWordModel>(any));
  const SavedWordModel& saved = std::get<SavedWordModel>(any);
  const WordModel<float>& m = trainer.model();
  CHECK(saved.vocab.symbols() == trainer.data().vocab.symbols());
  CHECK(saved.model.window == 2);
  CHECK(saved.model.tied() == Tied::value);
  CHECK(saved.model.E == m.E);
  CHECK(saved.model.W_U == m.W_U);
  CHECK(saved.model.b == m.b);
  CHECK(expect_ok(write_word_model(saved.vocab, saved.model)) == text);
}

TEST_CASE("a character model's file of today still loads, through either reader") {
  const AnyModel any = expect_ok(read_any_model(mlp_file));
  REQUIRE(std::holds_alternative<SavedModel>(any));
  CHECK(std::get<SavedModel>(any).mlp.W1(0, 1) == 2.0f);
  CHECK(expect_ok(read_model(mlp_file)).vocab.symbols() == std::vector<std::string>{".", "a", "b"});
}

TEST_CASE("the character model's reader refuses a word model, naming both kinds") {
  CHECK(read_model(changed([](auto&) {})).message() ==
        "this is an \"embedlab-words\" file (section 8's word model), not an \"embedlab-mlp\" file (section 7's character model)");
}

TEST_CASE("the word model's reader refuses a character model, naming both kinds") {
  CHECK(read_word_model(mlp_file).message() ==
        "this is an \"embedlab-mlp\" file (section 7's character model), not an \"embedlab-words\" file (section 8's word model)");
}

TEST_CASE("the word model's reader names what is wrong with a broken word model file") {
  CHECK(read_word_model(R"({"format":"embedlab-words","version":1,"vocab":[".","<unk>","cat"])").message() ==
        "the model file is not valid JSON: parse error at line 1, column 67: syntax error while parsing object - unexpected end of input; expected '}'");
  const std::string short_row = changed([](auto& m) { m["E"][2] = {1}; });
  CHECK(read_word_model(short_row).message() == refusal(short_row));
}

TEST_CASE("a trained word model read back gives the same cosines and neighbours as its trainer") {
  WordTrainer trainer = expect_ok(make_word_trainer(tiny_corpus, tiny_config()));
  expect_ok(trainer.run(200));
  const SavedWordModel saved = expect_ok(read_word_model(expect_ok(write_word_model(trainer.data().vocab, trainer.model()))));
  const WordTable trained = expect_ok(word_table_of(trainer.data().vocab, trainer.model().E));
  const WordTable loaded = expect_ok(word_table_of(saved.vocab, saved.model.E));
  CHECK(loaded.words == trained.words);
  const auto cosine = [](const WordTable& table, const char* a, const char* b) {
    return expect_ok(cosine_similarity<float>(table.vectors.row(expect_ok(word_id(table, a))), table.vectors.row(expect_ok(word_id(table, b)))));
  };
  CHECK(cosine(loaded, "cat", "dog") == cosine(trained, "cat", "dog"));
  CHECK(cosine(loaded, "cat", "car") == cosine(trained, "cat", "car"));
  const auto nearest = [](const WordTable& table) {
    const std::vector<WordScore> scores = expect_ok(similar_words(table, "cat", 5));
    std::vector<std::pair<std::string, float>> list;
    for (const WordScore& s : scores) list.emplace_back(s.word, s.score);
    return list;
  };
  CHECK(nearest(loaded) == nearest(trained));
}

TEST_CASE("a word model file of another version is refused") {
  CHECK(refusal(changed([](auto& m) { m["version"] = 2; })) == "version 2 is not supported: this reader knows version 1");
  CHECK(refusal(changed([](auto& m) { m["format"] = 7; })) ==
        "\"format\" is 7, not \"embedlab-mlp\" or \"embedlab-words\": this is not an Embedding Lab model");
}

TEST_CASE("a word vocabulary must start with the boundary and the unknown word, and hold words") {
  CHECK(refusal(changed([](auto& m) { m["vocab"] = {".", "<unk>", "cat", "cat"}; })) ==
        "\"vocab\": symbol \"cat\" appears twice, at ids 2 and 3");
  CHECK(refusal(changed([](auto& m) { m["vocab"][0] = "<s>"; })) ==
        "\"vocab\": the symbol at id 0 is \"<s>\", not \".\": a word vocabulary starts with \".\" and \"<unk>\"");
  CHECK(refusal(changed([](auto& m) { m["vocab"] = {"."}; })) ==
        "\"vocab\": a word vocabulary starts with \".\" and \"<unk>\": this one has no symbol at id 1");
  CHECK(refusal(changed([](auto& m) { m["vocab"][3] = "Dog"; })) ==
        "\"vocab\": the word \"Dog\" at id 3 is not one word as a corpus is read (lower-case letters, digits, inner ' and -)");
  CHECK(refusal(changed([](auto& m) { m["vocab"][2] = "hot dog"; })) ==
        "\"vocab\": the word \"hot dog\" at id 2 is not one word as a corpus is read (lower-case letters, digits, inner ' "
        "and -)");
}

TEST_CASE("a bad size or tied flag of a word model file is refused naming it") {
  CHECK(refusal(changed([](auto& m) { m["window"] = 0; })) == "window 0 is out of range: it must be from 1 to 8");
  CHECK(refusal(changed([](auto& m) { m["embed"] = 65; })) == "embed 65 is out of range: it must be from 1 to 64");
  CHECK(refusal(changed([](auto& m) { m["window"] = "1"; })) == "\"window\" must be a whole number, not a string");
  CHECK(refusal(changed([](auto& m) { m.erase("tied"); })) == "\"tied\" is missing");
  CHECK(refusal(changed([](auto& m) { m["tied"] = 1; })) == "\"tied\" must be true or false, not 1");
  CHECK(refusal(changed([](auto& m) { m["vocab"] = {".", "<unk>"}; })) ==
        "vocabulary size 2 is out of range: it must be from 3 to 5002");
}

TEST_CASE("a word model matrix of the wrong shape, missing, extra or with a bad number is refused naming where") {
  CHECK(refusal(changed([](auto& m) { m["E"].erase(0); })) == "\"E\" has 3 rows but 4 are needed");
  CHECK(refusal(changed([](auto& m) { m["W_U"][1].push_back(5); })) == "row 1 of \"W_U\" has 5 numbers but 4 are needed");
  CHECK(refusal(changed([](auto& m) { m.erase("W_U"); })) == "\"W_U\" is missing");
  CHECK(refusal(changed([](auto& m) { m["W_U"] = {{1, 2, 3, 4}, {1, 2, 3, 4}}; }, true)) ==
        "\"W_U\" is given but \"tied\" is true: a tied model has none");
  CHECK(refusal(changed([](auto& m) { m["b"][3] = nullptr; })) == "\"b\": entry 3 is null, not a number");
  CHECK(refusal(changed([](auto& m) { m["b"].erase(0); })) == "\"b\" has 3 numbers but 4 are needed");
  CHECK(refusal(changed([](auto& m) { m["E"][2][0] = 1e39; })) ==
        "the model file is not valid JSON: number overflow parsing '1e+39'");
}

TEST_CASE("a word model file beyond 64 MB or nested too deep is refused before it is read") {
  CHECK(refusal(std::string(max_model_file_bytes + 1, '{')) ==
        "the model file is larger than 64 MB (67108864 bytes), the limit for a model file");
  CHECK(refusal(changed([](auto& m) { m["E"][0][0] = nlohmann::json::parse("[[[[[[[[1]]]]]]]]"); })) ==
        "the model file: arrays and objects nest more than 8 levels deep");
}

TEST_CASE("finite word model weights whose logits would overflow float32 are refused, separate or tied") {
  // |logit of dog| <= max|E[:,0]| |W_U[0][3]| + max|E[:,1]| |W_U[1][3]| + |b[3]| = 1e30 * 1e10 + 2 * 3 + 2 = 1e40
  CHECK(refusal(changed([](auto& m) { m["E"][3][0] = -1e30; m["W_U"][0][3] = 1e10; })) ==
        "the logit of the word \"dog\" (id 3) can reach 1e+40 (from E, W_U and b), beyond the 1e+38 that float32 "
        "computes safely: this model overflows");
  // tied: |logit of cat| <= max|E[:,0]| |E[2][0]| + max|E[:,1]| |E[2][1]| + |b[2]| = 2e20 * 2e20 + 2 * 2 + 0.5 = 4e40
  CHECK(refusal(changed([](auto& m) { m["E"][2][0] = 2e20; }, true)) ==
        "the logit of the word \"cat\" (id 2) can reach 4e+40 (from E and b), beyond the 1e+38 that float32 computes "
        "safely: this model overflows");
}

TEST_CASE("a word model that cannot be written is an error") {
  WordModel<float> m = tiny_words(false);
  m.W_U(1, 2) = NAN;
  CHECK(write_word_model(cat_dog(), m).message() == "W_U: nan at row 1, column 2 is not finite");
  CHECK(write_word_model(expect_ok(Vocabulary::from_symbols({".", "<unk>", "cat"})), tiny_words(false)).message() ==
        "the vocabulary has 3 symbols but the model has 4");
  CHECK(write_word_model(expect_ok(Vocabulary::from_symbols({"<unk>", ".", "cat", "dog"})), tiny_words(false)).message() ==
        "the symbol at id 0 is \"<unk>\", not \".\": a word vocabulary starts with \".\" and \"<unk>\"");
  m = tiny_words(false);
  m.b[1] = FLT_MAX;
  CHECK(write_word_model(cat_dog(), m).message().rfind("the logit of the word \"<unk>\" (id 1) can reach", 0) == 0);
}

TEST_CASE("2000 mutated word model files are each read or refused with one short line, never a crash") {
  WordConfig config = tiny_config();
  config.embed = 3;
  WordTrainer trainer = expect_ok(make_word_trainer(tiny_corpus, config));
  expect_ok(trainer.run(20));
  const std::string good = expect_ok(write_word_model(trainer.data().vocab, trainer.model()));
  const MutationTally tally = read_mutations(good, 2000, 2027, [](const std::string& text) -> Result<bool> {
    const auto saved = read_any_model(text);
    if (!saved.ok()) return Error{saved.message()};
    const auto* words = std::get_if<SavedWordModel>(&saved.value());
    return words != nullptr && write_word_model(words->vocab, words->model).ok();
  });
  MESSAGE("2000 mutated word model files: " << tally.read << " read, " << tally.refused << " refused, " << tally.broken
                                              << " broke the promise");
  CHECK_MESSAGE(tally.broken == 0, tally.first_broken);
}
