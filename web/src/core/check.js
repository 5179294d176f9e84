// The wrapper's argument checks: every function of web/src/core/ checks its arguments with
// these before anything crosses into WASM, where a number would silently become an int32
// (1.5 -> 1, Infinity -> 0) or a float32. A bad argument is a CoreError that names it and shows
// at most a short prefix of its value.

/** A call the core refused, or that the wrapper refused before calling: the message says why. */
export class CoreError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CoreError';
  }
}

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const maxShown = 40;

/** A short description of any value for a message: `1.5`, `-Infinity`, `"abc…" (5,000 characters)`, `an object`. */
export function shown(value) {
  if (typeof value === 'string') {
    return value.length <= maxShown ? `“${value}”` : `“${value.slice(0, maxShown)}…” (${value.length.toLocaleString('en-US')} characters)`;
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** value, if it is a whole number from min to max (an int32 unless said otherwise). */
export function wholeNumber(name, value, min = int32.min, max = int32.max) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new CoreError(`${name} ${shown(value)} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** value, if it is a number: NaN and the infinities cross into WASM as they are, and the core names them. */
export function number(name, value) {
  if (typeof value !== 'number') throw new CoreError(`${name} ${shown(value)} must be a number`);
  return value;
}

/** value, if it is a finite number (where the core would not see NaN or an infinity as such: in JSON, say). */
export function finiteNumber(name, value) {
  if (!Number.isFinite(number(name, value))) throw new CoreError(`${name} ${shown(value)} must be a finite number`);
  return value;
}

/** table[value], if value is one of the table's own keys (never one of Object's, like “constructor”). */
export function oneOf(name, value, table) {
  if (typeof value !== 'string' || !Object.hasOwn(table, value)) {
    throw new CoreError(`${name} ${shown(value)} must be one of ${Object.keys(table).join(', ')}`);
  }
  return table[value];
}

/** value, if it is text: a string, or UTF-8 bytes as a Uint8Array. */
export function text(name, value) {
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) throw new CoreError(`${name} ${shown(value)} must be text`);
  return value;
}

/** value, if it is an instance of Class (a Generator, say). */
export function instance(name, value, Class) {
  if (!(value instanceof Class)) throw new CoreError(`${name} ${shown(value)} must be a ${Class.name}`);
  return value;
}

/** value, if it is a plain object (not null, not an array). */
export function object(name, value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CoreError(`${name} ${shown(value)} must be an object`);
  return value;
}

/** value, if it is an array or a typed array (of at most `most` entries). */
export function list(name, value, most = 2 ** 28) {
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    throw new CoreError(`${name} ${shown(value)} must be an array`);
  }
  if (value.length > most) throw new CoreError(`${name} has ${value.length.toLocaleString('en-US')} entries: at most ${most.toLocaleString('en-US')} are allowed`);
  return value;
}

/** The whole numbers of an array as an Int32Array; the first that is not one is named by its index. */
export function ints(name, values) {
  const result = new Int32Array(list(name, values).length);
  for (let i = 0; i < values.length; i++) result[i] = wholeNumber(`${name}[${i}]`, values[i]);
  return result;
}

/** The numbers of an array (NaN and the infinities included: the core names them); the first that is not a number is named by its index. */
export function numbers(name, values) {
  list(name, values);
  for (let i = 0; i < values.length; i++) {
    number(`${name}[${i}]`, values[i]);
  }
  return values;
}
