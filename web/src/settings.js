// What a teacher can set in advance: one table of properties, each read from text and written
// back to text. Element attributes, the URL hash of a link or iframe, and set-state messages all
// go through it, so the three always agree. A value that does not parse is replaced by its
// default and named in a notice; its text is only ever shown as text.
import { parseNumber } from './parse.js';
import { initialState, sectionNames } from './lab.js';

export const maxHashLength = 4000;
const maxSymbols = 32, maxWidth = 8, maxBlockSize = 8, maxSentence = 200;

const words = (text) => text.trim().split(/\s+/).filter(Boolean);
const integer = (text, low, high, what) => {
  const value = Number(text);
  return Number.isInteger(value) && value >= low && value <= high && /^\s*\d+\s*$/.test(text)
    ? { value } : { error: `${what} “${text}” is not a whole number from ${low} to ${high}` };
};

/** A training setting: a number from low to high, kept in the state's `training` object under `field`. */
const trainingNumber = (field, low, high, integer) => ({
  field,
  parse(text) {
    const { value, error } = parseNumber(text);
    const fits = !error && value >= low && value <= high && (!integer || Number.isInteger(value));
    return fits ? { value } : { error: `${field} “${text}” is not ${integer ? 'a whole number' : 'a number'} from ${low} to ${high}` };
  },
  format: String,
});

export const properties = {
  section: {
    parse(text) {
      const names = words(text);
      if (names.length === 1 && names[0] === 'all') return { value: sectionNames };
      const unknown = names.filter((name) => !sectionNames.includes(name));
      if (names.length === 0 || unknown.length > 0) return { error: `section “${unknown.join(' ') || text}” is not one of all, ${sectionNames.join(', ')}` };
      return { value: names };
    },
    format: (names) => (names.length === sectionNames.length ? 'all' : names.join(' ')),
  },
  vocab: {
    parse(text) {
      const symbols = words(text);
      if (symbols.length < 2 || symbols.length > maxSymbols) return { error: `vocab needs 2 to ${maxSymbols} symbols separated by spaces, not ${symbols.length}` };
      const long = symbols.find((s) => [...s].length > 12);
      if (long) return { error: `vocab symbol “${long}” is longer than 12 characters` };
      const repeated = symbols.find((s, i) => symbols.indexOf(s) !== i);
      if (repeated) return { error: `vocab symbol “${repeated}” appears twice` };
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
      return error || !(value >= 0 && value <= 5) ? { error: `temperature “${text}” is not a number from 0 to 5` } : { value };
    },
    format: String,
  },
  sentence: {
    parse: (text) => (text.length > maxSentence ? { error: `sentence is longer than ${maxSentence} characters` } : { value: text }),
    format: (text) => text,
  },
  tokenizer: {
    parse: (text) => (['words', 'characters', 'gpt2'].includes(text) ? { value: text } : { error: `tokenizer “${text}” is not words, characters or gpt2` }),
    format: (text) => text,
  },
  textSeed: { parse: (text) => integer(text, 1, 5, 'textSeed'), format: String },
  dataset: {
    parse: (text) => (text === 'names' || text === 'words' ? { value: text } : { error: `dataset “${text}” is not names or words` }),
    format: (text) => text,
  },
  steps: trainingNumber('steps', 1, 200000, true),
  block: trainingNumber('context', 1, 16, true),
  embed: trainingNumber('embed', 1, 64, true),
  hidden: trainingNumber('hidden', 1, 512, true),
  batch: trainingNumber('batch', 1, 512, true),
  lr: trainingNumber('lr', 1e-6, 1e38, false),
  lrFinal: trainingNumber('lrFinal', 1e-6, 1e38, false),
  decayAt: trainingNumber('decayAt', 0, 200000, true),
  seed: trainingNumber('seed', 0, 2 ** 31, true),
  init: {
    field: 'init',
    parse: (text) => (text === 'scaled' || text === 'lecture' ? { value: text } : { error: `init “${text}” is not scaled or lecture` }),
    format: (text) => text,
  },
};

/** The current value of a setting in a state (or in initialState). */
function valueOf(name, get) {
  const { field } = properties[name];
  return field ? get('training')[field] : get(name);
}

/** The text of a setting's default. */
export const defaultText = (name) => properties[name].format(valueOf(name, (key) => initialState[key]));

/** A value of a set-state message as the text the property reads: arrays of rows joined. */
function asText(value) {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (Array.isArray(v) ? v.join(' ') : String(v))).join(Array.isArray(value[0]) ? '; ' : ' ');
  return String(value);
}

/**
 * Reads settings from { name: value } (attributes, hash parameters or a message) into
 * { values, notices }. Unknown names and values that do not parse are left out, with a notice.
 */
export function readSettings(source) {
  const values = {}, notices = [];
  for (const [name, raw] of Object.entries(source)) {
    const property = properties[name];
    if (!property) {
      notices.push(`“${name}” is not a setting of the lab`);
      continue;
    }
    const { value, error } = property.parse(asText(raw));
    if (error) notices.push(`${error}: using the default`);
    else if (property.field) values.training = { ...(values.training ?? initialState.training), [property.field]: value };
    else values[name] = value;
  }
  return { values: consistent(values, notices), notices };
}

/** The settings with the table matching the vocabulary and every id inside it. */
function consistent(values, notices) {
  const vocab = values.vocab ?? initialState.vocab, table = values.table ?? initialState.table;
  if (table.length !== vocab.length) {
    notices.push(`the table has ${table.length} rows but the vocabulary has ${vocab.length} symbols: using the default vocabulary and table`);
    delete values.vocab;
    delete values.table;
  }
  const V = (values.vocab ?? initialState.vocab).length;
  for (const key of ['context', 'spotlight']) {
    const ids = [values[key]].flat();
    if (values[key] !== undefined && ids.some((id) => id >= V)) {
      notices.push(`${key} ${ids.join(' ')} names an id past the vocabulary's ${V} symbols: using the default`);
      delete values[key];
    }
  }
  if (values.vocab && !values.context) values.context = initialState.context.filter((id) => id < V);
  if (values.vocab && values.spotlight === undefined) values.spotlight = Math.min(initialState.spotlight, V - 1);
  return values;
}

/** The settings of an element's attributes. */
export function settingsFromAttributes(element) {
  const source = {};
  for (const { name, value } of element.attributes) {
    const property = Object.keys(properties).find((key) => key.toLowerCase() === name);
    if (property) source[property] = value;
  }
  return readSettings(source);
}

/** The settings in a URL hash ("#section=lookup&temperature=0.5"). */
export function settingsFromHash(hash) {
  const text = hash.replace(/^#/, '');
  if (text.length > maxHashLength) {
    return { values: {}, notices: [`the link's settings are ${text.length} characters long, more than ${maxHashLength}: using the defaults`] };
  }
  try {
    return readSettings(Object.fromEntries(new URLSearchParams(text)));
  } catch {
    return { values: {}, notices: ['the link\'s settings could not be read: using the defaults'] };
  }
}

/** The current state as settings text: { name: text } for every property. */
export function settingsText(state, sections) {
  const text = { section: properties.section.format(sections) };
  for (const [name, property] of Object.entries(properties)) {
    if (name !== 'section') text[name] = property.format(valueOf(name, (key) => state.get(key)));
  }
  return text;
}
