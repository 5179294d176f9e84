// The word model in training through the WASM core and the wrapper the page uses
// (web/src/core/word_training.js): on the sources' tiny corpus cat and dog come together, two
// words given one vector are pushed apart, the questions about words answer from the core, and
// bad corpora, settings and words are refused with messages that name them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreError } from '../../web/src/core/core.js';
import { Model, Trainer } from '../../web/src/core/training.js';
import { WordModel, WordTrainer, wordDefaults, wordRanges } from '../../web/src/core/word_training.js';
import { corpora, tinyCorpus } from '../../web/src/data/word_corpora.js';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();
// The page's tiny corpus and the settings section 8 starts it with (its own W_U, no subsampling).
const tiny = tinyCorpus;
const small = corpora.tiny.settings;

test('the limits carry WordConfig\'s defaults and the ranges of its settings', () => {
  assert.deepEqual(wordDefaults, { words: 2000, minCount: 5, window: 3, subsample: 0.0001, embed: 50, tied: true, batch: 256, lr: 20, steps: 2500, seed: 42 });
  assert.deepEqual(wordRanges.window, { min: 1, max: 8 });
  assert.deepEqual(wordRanges.subsample, { min: 0, max: 1 });
});

test('on the tiny corpus cos(cat, dog) rises above its start and above cos(cat, car), and the loss falls', () => {
  core.scope(() => {
    const trainer = WordTrainer.create(core, tiny, small);
    assert.deepEqual(trainer.words().slice(0, 2), ['the', 'car']);
    const [before] = trainer.cosines([['cat', 'dog']]);
    const devBefore = trainer.loss('dev');
    const { steps, error } = trainer.run(2000);
    assert.equal(error, undefined);
    assert.equal(steps, 2000);
    const [after, unrelated] = trainer.cosines([['cat', 'dog'], ['cat', 'car']]);
    console.log(`# cos(cat, dog) ${before.toFixed(3)} -> ${after.toFixed(3)}, cos(cat, car) ${unrelated.toFixed(3)}, dev loss ${devBefore.toFixed(3)} -> ${trainer.loss('dev').toFixed(3)}`);
    assert.ok(after > before && after > unrelated && after > 0.5, `${before} -> ${after}, car ${unrelated}`);
    assert.equal(trainer.similar('cat', 1)[0][0], 'dog');
    assert.equal(trainer.info().steps, 2000);
  });
});

test('two words given one vector start at cosine 1 and are pushed apart by training', () => {
  core.scope(() => {
    const trainer = WordTrainer.create(core, tiny, small);
    trainer.copyVector('cat', 'car');
    assert.deepEqual(trainer.cosines([['cat', 'car']]), [1]);
    trainer.run(500);
    const [after] = trainer.cosines([['cat', 'car']]);
    console.log(`# cos(cat, car) 1 -> ${after.toFixed(3)} after 500 steps`);
    assert.ok(after < 0.9, String(after));
  });
});

test('the picture of chosen words has one point per word and keeps its axes\' sides between updates', () => {
  core.scope(() => {
    const trainer = WordTrainer.create(core, tiny, small);
    const axes = core.matrix(0, 0), chosen = ['cat', 'dog', 'car', 'the', 'feed'];
    assert.equal(trainer.projection(chosen, axes).rows, chosen.length);
    assert.deepEqual([axes.rows, axes.cols], [small.embed, 2]);
    for (let i = 0; i < 20; i++) {
      const previous = axes.toRows();
      trainer.run(10);
      trainer.projection(chosen, axes);
      const now = axes.toRows();
      for (const k of [0, 1]) {
        const dot = previous.reduce((sum, row, r) => sum + row[k] * now[r][k], 0);  // the axes' agreement, to test the core's rule
        assert.ok(dot > 0, `axis ${k} flipped at update ${i}`);
      }
    }
  });
});

test('the word model\'s file holds its kind, its words and its weights', () => {
  core.scope(() => {
    const trainer = WordTrainer.create(core, tiny, small);
    trainer.run(10);
    const file = JSON.parse(trainer.modelJson());
    assert.equal(file.format, 'embedlab-words');
    assert.equal(file.window, small.window);
    assert.ok(JSON.stringify(file).includes('"cat"'));
  });
});

test('the same seed gives the same run', () => {
  core.scope(() => {
    const losses = (trainer) => Array.from({ length: 20 }, () => trainer.run(5).mean);
    assert.deepEqual(losses(WordTrainer.create(core, tiny, small)), losses(WordTrainer.create(core, tiny, small)));
  });
});

test('an empty corpus, bad settings and unknown words are errors that name them, and the trainer stays', () => {
  assert.throws(() => WordTrainer.create(core, '', small), /the corpus has 0 lines with words/);
  assert.throws(() => WordTrainer.create(core, 'one line only', small), /at least two are needed/);
  assert.throws(() => WordTrainer.create(core, tiny, { ...small, window: 9 }), new CoreError('window 9 is out of range: it must be from 1 to 8'));
  assert.throws(() => WordTrainer.create(core, tiny, { ...small, lr: 0 }), /lr 0 is out of range/);
  assert.throws(() => WordTrainer.create(core, tiny, { ...small, subsample: 2 }), /subsample 2 is out of range/);
  assert.throws(() => WordTrainer.create(core, tiny, { ...small, colour: 1 }), /unknown setting "colour"/);
  assert.throws(() => WordTrainer.create(core, tiny, { ...small, tied: 'yes' }), /tied “yes” must be true or false/);
  assert.throws(() => WordTrainer.create(core, tiny, { ...small, minCount: 1000 }), /no word occurs at least 1000 times/);
  assert.throws(() => WordTrainer.create(core, tiny, { ...small, steps: 1.5 }), /steps 1.5 is not a whole number/);
  core.scope(() => {
    const trainer = WordTrainer.create(core, tiny, small);
    trainer.run(10);
    assert.throws(() => trainer.similar('zebra', 3), new CoreError('the word "zebra" is not among the table\'s 11 words'));
    assert.throws(() => trainer.cosines([['cat', '<unk>']]), /the word "<unk>" is not among/);
    assert.throws(() => trainer.cosines([['cat']]), /a pair must be \[word, word\]/);
    assert.throws(() => trainer.copyVector('cat', 'zebra'), /the word "zebra"/);
    assert.throws(() => trainer.projection(['cat'], core.matrix(0, 0)), /a picture needs at least 2 words, not 1/);
    assert.throws(() => trainer.similar('cat', 0), /top 0 is out of range/);
    assert.throws(() => trainer.table(), /trains a word model, not a character MLP/);
    assert.equal(trainer.info().steps, 10);
    assert.equal(trainer.run(1).steps, 1);
  });
});

test('a character trainer refuses the word questions, naming its kind', () => {
  core.scope(() => {
    const trainer = Trainer.create(core, 'anna\nbob\ncarl\ndave\neve\nfrank\ngina\nhal\nida\njo\n', { hidden: 8 });
    assert.throws(() => WordTrainer.prototype.words.call(trainer), new CoreError(`trainer ${trainer.handle} trains a character MLP, not a word model`));
  });
});

test('a word model read from its file answers as its trainer did, and exports one Projector row per kept word', () => {
  core.scope(() => {
    const trainer = WordTrainer.create(core, tiny, small);
    trainer.run(300);
    const loaded = WordModel.fromJson(core, trainer.modelJson());
    const pairs = [['cat', 'dog'], ['cat', 'car']], chosen = ['cat', 'dog', 'car', 'the'];
    assert.deepEqual(loaded.words(), trainer.words());
    assert.deepEqual(loaded.cosines(pairs), trainer.cosines(pairs));
    assert.deepEqual(loaded.similar('cat', 5), trainer.similar('cat', 5));
    assert.deepEqual(loaded.projection(chosen, core.matrix(0, 0)).toRows(), trainer.projection(chosen, core.matrix(0, 0)).toRows());
    assert.equal(loaded.modelJson(), trainer.modelJson());
    assert.deepEqual(loaded.modelInfo(), { vocabSize: 13, window: 2, embed: 8, tied: false });
    const { vectors, metadata } = loaded.projectorFiles();
    assert.deepEqual(loaded.projectorFiles(), trainer.projectorFiles());
    assert.deepEqual(metadata.split('\n').slice(0, -1), loaded.words());  // "." and "<unk>" left out
    assert.deepEqual(vectors.split('\n').slice(0, -1).map((line) => line.split('\t').length), loaded.words().map(() => small.embed));
  });
});

test('each kind of model file is refused by the other kind\'s reader, naming both kinds, and a bad word file names its fault', () => {
  core.scope(() => {
    const trainer = WordTrainer.create(core, tiny, small);
    const words = trainer.modelJson();
    const mlp = Trainer.create(core, 'anna\nbob\ncarl\ndave\neve\nfrank\ngina\nhal\nida\njo\n', { hidden: 8 }).snapshot().json();
    assert.throws(() => WordModel.fromJson(core, mlp), new CoreError('this is an "embedlab-mlp" file (section 7\'s character model), not an "embedlab-words" file (section 8\'s word model)'));
    assert.throws(() => Model.fromJson(core, words), new CoreError('this is an "embedlab-words" file (section 8\'s word model), not an "embedlab-mlp" file (section 7\'s character model)'));
    assert.throws(() => WordModel.fromJson(core, words.replace('"embed":8', '"embed":9')), /"E"/);
    assert.throws(() => WordModel.fromJson(core, '{"format": "embedlab-words"'), /not valid JSON/);
  });
});

test('a word question of an unknown holder or of a freed word model is an error that names it', () => {
  const m = core.module;
  assert.equal(m._el_word_model_words(2, 1), 0);
  assert.equal(m.UTF8ToString(m._el_last_error()), 'holder 2 is neither a trainer (0) nor a file (1)');
  const trainer = WordTrainer.create(core, tiny, small);
  const loaded = WordModel.fromJson(core, trainer.modelJson());
  trainer.free();
  loaded.free();
  assert.throws(() => loaded.words(), new CoreError(`no word model with handle ${loaded.handle}`));
  assert.throws(() => trainer.words(), new CoreError(`no trainer with handle ${trainer.handle}`));
});
