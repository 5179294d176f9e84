// The word model's bundled corpus: WordNet 3.0 (Princeton University; the WordNet 3.0 licence,
// permissive, its notice kept in README.md) as Debian's `wordnet-base` installs it in
// /usr/share/wordnet. Each synset becomes one line "lemma lemma ... : gloss", so words that mean
// the same stand together and next to the words that define them: the contexts CBOW learns from.
//
// A data.* line (WordNet's wndb(5) format) is
//   offset lex_filenum ss_type w_cnt word lex_id [word lex_id ...] p_cnt [pointer ...] [frames] | gloss
// with w_cnt in hexadecimal; a word's underscores stand for spaces, and an adjective may end in a
// syntactic marker "(a)", "(p)" or "(ip)", which is dropped. The files begin with the licence,
// lines that start with two spaces, which are skipped here (the notice is in README.md).
//
// The cut: all four files hold 11.5 MB of such lines; the corpus keeps every third synset of each
// file (its 1st, 4th, 7th, ... line, in file order: nouns, verbs, adjectives, adverbs), about
// 3.8 MB. Every third rather than the first third, because each file is ordered by topic
// (noun.animal, noun.artifact, ...) and a prefix would keep only a few of them.
//
//   node scripts/wordnet_corpus.mjs     writes build/corpus/wordnet.txt, prints its size
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const wordnetFolder = '/usr/share/wordnet';
export const wordnetCorpusPath = fileURLToPath(new URL('../build/corpus/wordnet.txt', import.meta.url));
const partsOfSpeech = ['noun', 'verb', 'adj', 'adv'];
const keepEvery = 3;

/** "lemma lemma ... : gloss" for one data.* line of a synset. */
export function synsetLine(line) {
  const bar = line.indexOf(' | ');
  const fields = line.slice(0, bar === -1 ? line.length : bar).split(' ');
  const count = parseInt(fields[3], 16);
  if (bar === -1 || !(count > 0)) throw new Error(`not a WordNet synset line: ${line.slice(0, 60)}`);
  const lemmas = [];
  for (let i = 0; i < count; i++) lemmas.push(fields[4 + 2 * i].replace(/\((a|p|ip)\)$/, '').replace(/_/g, ' '));
  return `${lemmas.join(' ')} : ${line.slice(bar + 3).trim()}`;
}

/** The corpus text: every third synset line of data.noun, data.verb, data.adj and data.adv, in that order. */
export function wordnetText(folder = wordnetFolder) {
  const lines = [];
  for (const part of partsOfSpeech) {
    const path = `${folder}/data.${part}`;
    if (!existsSync(path)) throw new Error(`${path} is missing: install Debian's wordnet-base (scripts/lib.sh does)`);
    const synsets = readFileSync(path, 'utf8').split('\n').filter((line) => line && !line.startsWith('  '));
    synsets.forEach((line, i) => { if (i % keepEvery === 0) lines.push(synsetLine(line)); });
  }
  return `${lines.join('\n')}\n`;
}

/** build/corpus/wordnet.txt's text, written first when it is missing or older than this script. */
export function wordnetCorpus() {
  const stale = !existsSync(wordnetCorpusPath) || statSync(fileURLToPath(import.meta.url)).mtimeMs > statSync(wordnetCorpusPath).mtimeMs;
  if (!stale) return readFileSync(wordnetCorpusPath, 'utf8');
  const text = wordnetText();
  mkdirSync(dirname(wordnetCorpusPath), { recursive: true });
  writeFileSync(wordnetCorpusPath, text);
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = wordnetCorpus();
  const lines = text.split('\n').length - 1;
  console.log(`${wordnetCorpusPath}: ${lines} synsets, ${Buffer.byteLength(text)} bytes, ${text.split(/\s+/).filter(Boolean).length} words`);
}
