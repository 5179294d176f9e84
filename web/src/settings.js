// What a teacher can set in advance: one table of properties, each read from text and written
// back to text. Element attributes, the URL hash of a link or iframe, and set-state messages all
// go through it, so the three always agree. Names are the table's own keys in any letter case
// (textSeed, textseed). A value that does not parse is left out and named in a notice that says
// what happens instead: at start the default applies, in a set-state the current value stays.
// A bad value's text is only ever shown as text, and only its first characters.
import { parseNumber } from './parse.js';
import { limits } from './core/limits.js';
import { initialState, sectionNames, withSteps } from './defaults.js';
import { pairName, pairs } from './data/glove_examples.js';

export const maxHashLength = 4000;
const maxSymbols = 32, maxWidth = 8, maxBlockSize = 8, maxSentence = 200;

/** At most the first 40 characters of a reader's text, to quote in a message. */
export const quote = (text) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

const words = (text) => text.trim().split(/\s+/).filter(Boolean);
const maxWord = 40;  // a GloVe word is checked against the table when it is loaded; here only its length
const gloveWord = (name) => (text) => {
  const word = text.trim().toLowerCase();
  return word.length === 0 || /\s/.test(word) || word.length > maxWord ? { error: `${name} ${quote(text)} is not one word of 1 to ${maxWord} characters` } : { value: word };
};
const integer = (text, low, high, what) => {
  const value = Number(text);
  return Number.isInteger(value) && value >= low && value <= high && /^\s*\d+\s*$/.test(text)
    ? { value } : { error: `${what} ${quote(text)} is not a whole number from ${low} to ${high}` };
};
const oneOf = (name, choices) => ({
  parse: (text) => (choices.includes(text) ? { value: text } : { error: `${name} ${quote(text)} is not ${choices.join(' or ')}` }),
  format: (text) => text,
});

const count = new Intl.NumberFormat('en-US');
/** A limit as a message writes it: 1,024 or 3.4e+38. */
const limitText = (x) => (Number.isInteger(x) && Math.abs(x) < 1e21 ? count.format(x) : x.toPrecision(2));

/** A check of typed text: { value } for a number from min to max (a whole one if integer), else { error } naming it by label. */
export const numberIn = (label, { min, max }, integer) => (text) => {
  const { value, error } = parseNumber(text);
  const fits = !error && value >= min && value <= max && (!integer || Number.isInteger(value));
  return fits ? { value } : { error: `${label} ${quote(text)} is not ${integer ? 'a whole number' : 'a number'} from ${limitText(min)} to ${limitText(max)}` };
};

/**
 * A training setting: a number in the core's range for it ({ min, max } from limits.js), kept in
 * the state's `training` object under `field`. parse(text, label) names the setting by label
 * (the training form's "Hidden H") or by its name.
 */
const trainingNumber = (name, range, integer, field = name) => ({
  field, range, integer,
  parse: (text, label = name) => numberIn(label, range, integer)(text),
  format: String,
});

export const properties = {
  section: {
    parse(text) {
      const names = words(text);
      if (names.length === 1 && names[0] === 'all') return { value: sectionNames };
      const unknown = names.filter((name) => !sectionNames.includes(name));
      if (names.length === 0 || unknown.length > 0) return { error: `section ${quote(unknown.join(' ') || text)} is not one of all, ${sectionNames.join(', ')}` };
      return { value: names };
    },
    format: (names) => (names.length === sectionNames.length ? 'all' : names.join(' ')),
  },
  vocab: {
    parse(text) {
      const symbols = words(text);
      if (symbols.length < 2 || symbols.length > maxSymbols) return { error: `vocab needs 2 to ${maxSymbols} symbols separated by spaces, not ${symbols.length}` };
      const long = symbols.find((s) => [...s].length > 12);
      if (long) return { error: `vocab symbol ${quote(long)} is longer than 12 characters` };
      const repeated = symbols.find((s, i) => symbols.indexOf(s) !== i);
      if (repeated) return { error: `vocab symbol ${quote(repeated)} appears twice` };
      return { value: symbols };
    },
    format: (symbols) => symbols.join(' '),
  },
  table: {
    parse(text) {
      const rows = text.split(/[;\n]/).map((row) => row.trim()).filter(Boolean).map((row) => row.split(/[\s,]+/));
      if (rows.length < 2 || rows.length > maxSymbols) return { error: `table needs 2 to ${maxSymbols} rows separated by ;` };
      if (rows.some((row) => row.length !== rows[0].length) || rows[0].length > maxWidth) {
        return { error: `table rows must all have the same width, from 1 to ${maxWidth} numbers` };
      }
      const table = [];
      for (const row of rows) {
        const numbers = row.map(parseNumber);
        const bad = numbers.find((n) => n.error);
        if (bad) return { error: `table: ${bad.error}` };
        table.push(numbers.map((n) => n.value));
      }
      return { value: table };
    },
    format: (table) => table.map((row) => row.join(' ')).join('; '),
  },
  context: {
    parse(text) {
      const ids = words(text).map((t) => integer(t, 0, maxSymbols - 1, 'context id'));
      if (ids.length < 1 || ids.length > maxBlockSize) return { error: `context needs 1 to ${maxBlockSize} ids` };
      const bad = ids.find((id) => id.error);
      return bad ?? { value: ids.map((id) => id.value) };
    },
    format: (ids) => ids.join(' '),
  },
  spotlight: { parse: (text) => integer(text, 0, maxSymbols - 1, 'spotlight'), format: String },
  temperature: {
    parse(text) {
      const { value, error } = parseNumber(text);
      return error || !(value >= 0 && value <= 5) ? { error: `temperature ${quote(text)} is not a number from 0 to 5` } : { value };
    },
    format: String,
  },
  sentence: {
    parse: (text) => (text.length > maxSentence ? { error: `sentence is longer than ${maxSentence} characters` } : { value: text }),
    format: (text) => text,
  },
  tokenizer: oneOf('tokenizer', ['words', 'characters', 'gpt2']),
  textSeed: { parse: (text) => integer(text, 1, 5, 'textSeed'), format: String },
  dataset: oneOf('dataset', ['names', 'words']),
  steps: trainingNumber('steps', limits.ranges.pageSteps, true),
  block: trainingNumber('block', limits.ranges.context, true, 'context'),
  embed: trainingNumber('embed', limits.ranges.embed, true),
  hidden: trainingNumber('hidden', limits.ranges.hidden, true),
  batch: trainingNumber('batch', limits.ranges.batch, true),
  lr: trainingNumber('lr', limits.ranges.lr, false),
  lrFinal: trainingNumber('lrFinal', limits.ranges.lrFinal, false),
  decayAt: trainingNumber('decayAt', limits.ranges.decayAt, true),
  seed: trainingNumber('seed', limits.ranges.seed, true),
  init: { field: 'init', ...oneOf('init', ['scaled', 'lecture']) },
  embedCode: oneOf('embedCode', ['auto', 'on', 'off']),
  exercises: oneOf('exercises', ['auto', 'on', 'off', 'only']),
  gloveAnalogy: {
    parse(text) {
      const three = words(text).map((word) => gloveWord('gloveAnalogy')(word));
      if (three.length !== 3) return { error: `gloveAnalogy ${quote(text)} is not three words a b c (for a − b + c)` };
      return three.find((word) => word.error) ?? { value: three.map((word) => word.value) };
    },
    format: (three) => three.join(' '),
  },
  gloveKeep: {
    parse: (text) => (text === 'true' || text === 'false' ? { value: text === 'true' } : { error: `gloveKeep ${quote(text)} is not true or false` }),
    format: String,
  },
  gloveDirection: oneOf('gloveDirection', pairs.map(pairName)),
  glovePlace: { parse: gloveWord('glovePlace'), format: (word) => word },
};

/** The table's own names by their lower case: a Map, so that no name reaches Object.prototype. */
const byLowerCase = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));

/** The table's name for a setting written in any letter case ('decayat' -> 'decayAt'), or undefined. */
export const settingName = (name) => byLowerCase.get(name.toLowerCase());

/** The current value of a setting in a state object (initialState, a snapshot). */
const valueIn = (state, name) => (properties[name].field ? state.training[properties[name].field] : state[name]);

/** The text of a setting's default. */
export const defaultText = (name) => properties[name].format(valueIn(initialState, name));

/** A value of a message (text, a number, a list of them, or rows of them) as the text a property reads. */
function asText(value, depth = 0) {
  if (typeof value === 'string') {
    return value.length > maxHashLength ? { error: `is ${value.length} characters long, more than ${maxHashLength}` } : { text: value };
  }
  if (['number', 'boolean', 'bigint'].includes(typeof value)) return { text: String(value) };
  if (Array.isArray(value) && value.length <= maxSymbols && depth < 2) {
    const items = value.map((item) => asText(item, depth + 1));
    const bad = items.find((item) => item.error);
    if (!bad) return { text: items.map((item) => item.text).join(Array.isArray(value[0]) ? '; ' : ' ') };
  }
  return { error: `is not text, a number, or a list (or rows) of at most ${maxSymbols} of them` };
}

/**
 * Reads settings from { name: value } into { values, notices }, against `base` (a state object):
 * values that do not parse, or do not fit the rest, are left out with a notice ending in
 * `outcome` (what happens instead). Unknown names are left out with a notice too.
 */
function read(source, base, outcome) {
  const values = {}, notices = [];
  for (const [raw, rawValue] of Object.entries(source)) {
    const name = settingName(raw);
    if (name === undefined) {
      notices.push(`${quote(raw)} is not a setting of the lab`);
      continue;
    }
    const { text, error: shape } = asText(rawValue);
    const property = properties[name];
    const { value, error } = shape ? { error: `${name} ${shape}` } : property.parse(text);
    if (error) notices.push(`${error}: ${outcome.value}`);
    else if (property.field) values.training = { ...(values.training ?? base.training), [property.field]: value };
    else values[name] = value;
  }
  const given = new Set(Object.keys(source).map(settingName));
  if (given.has('steps') && !given.has('decayAt') && values.training) {  // the decay step follows Steps, as in the form
    values.training.decayAt = withSteps(base.training, values.training.steps).decayAt;
  }
  return { values: consistent(values, base, outcome, notices), notices };
}

/** The settings with the table matching the vocabulary and every id inside it, all against base. */
function consistent(values, base, outcome, notices) {
  const vocab = values.vocab ?? base.vocab, table = values.table ?? base.table;
  if (table.length !== vocab.length) {
    notices.push(`the table has ${table.length} rows but the vocabulary has ${vocab.length} symbols: ${outcome.pair}`);
    delete values.vocab;
    delete values.table;
  }
  const V = (values.vocab ?? base.vocab).length;
  for (const key of ['context', 'spotlight']) {
    const ids = [values[key]].flat();
    if (values[key] !== undefined && ids.some((id) => id >= V)) {
      notices.push(`${key} ${ids.join(' ')} names an id past the vocabulary's ${V} symbols: ${outcome.value}`);
      delete values[key];
    }
  }
  if (values.vocab && !values.context) {
    const fitting = base.context.filter((id) => id < V);
    values.context = fitting.length > 0 ? fitting : [0];
  }
  if (values.vocab && values.spotlight === undefined) values.spotlight = Math.min(base.spotlight, V - 1);
  return values;
}

const atStart = { value: 'using the default', pair: 'using the default vocabulary and table' };
const whileRunning = { value: 'the current value stays', pair: 'the current vocabulary and table stay' };

/** The settings a lab starts with, from { name: text } (attributes or hash parameters). */
export const readSettings = (source) => read(source, initialState, atStart);

/** A set-state message's changes to a lab whose state is now `current` (a state snapshot). */
export const readChanges = (source, current) => read(source, current, whileRunning);

/** The settings of an element's attributes. */
export function settingsFromAttributes(element) {
  const source = {};
  for (const { name, value } of element.attributes) {
    if (settingName(name) !== undefined) source[name] = value;
  }
  return readSettings(source);
}

/** The settings in a URL hash ("#section=lookup&temperature=0.5"). */
export function settingsFromHash(hash) {
  const text = hash.replace(/^#/, '');
  if (text.length > maxHashLength) {
    return { values: {}, notices: [`the link's settings are ${text.length} characters long, more than ${maxHashLength}: using the defaults`] };
  }
  return readSettings(Object.fromEntries(new URLSearchParams(text)));
}

/** The current state (a state snapshot) as settings text: { name: text } for every property. */
export function settingsText(state, sections) {
  const text = { section: properties.section.format(sections) };
  for (const [name, property] of Object.entries(properties)) {
    if (name !== 'section') text[name] = property.format(valueIn(state, name));
  }
  return text;
}
