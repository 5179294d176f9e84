// Reading an exercise's answer as people type it: -0.4, −0.40 (a typographic minus), .5,
// 1e-3, [0.5, -0.1], (0.5 −0.1), 617,558,016 (thousands separated), or a symbol. What does not
// parse gets a message that quotes it, and says what was expected.
import { quote } from '../settings.js';

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const thousands = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;  // 617,558,016: one number, not three
const minus = /[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g;   // minus sign, figure and en/em dashes, small and full-width hyphen-minus

/** The text with every kind of minus written as '-' and the outer brackets and spaces gone. */
function normalised(text) {
  return String(text).replace(minus, '-').trim().replace(/^[[(]\s*(.*?)\s*[\])]$/s, '$1');
}

/** { value } for one number, or { error }. */
function oneNumber(piece, typed) {
  if (thousands.test(piece)) return { value: Number(piece.replaceAll(',', '')) };
  if (decimal.test(piece)) return { value: Number(piece) };
  return { error: `${quote(typed)} is not a number` };
}

/**
 * The reader's text as the kind an exercise asks for:
 *   'number'  one number                      -> { value: number }
 *   'numbers' `count` numbers, as a list       -> { value: [numbers] }
 *   'symbol'  one of `choices`: exact, or in another letter case where
 *             that names one choice only ("Queen")  -> { value: string }
 * or { error } saying why not.
 */
export function parseAnswer(text, kind, { count = 1, choices = [] } = {}) {
  const typed = String(text).trim();
  if (typed === '') return { error: 'type an answer first' };
  if (kind === 'symbol') {
    if (choices.includes(typed)) return { value: typed };
    const alike = choices.filter((choice) => choice.toLowerCase() === typed.toLowerCase());
    return alike.length === 1 ? { value: alike[0] } : { error: `${quote(typed)} is not one of ${choices.join(' ')}` };
  }
  const inner = normalised(typed);
  if (kind === 'number') return oneNumber(inner, typed);
  const pieces = inner.split(/\s*[,;\s]\s*/).filter(Boolean);
  const numbers = [];
  for (const piece of pieces) {
    const { value, error } = oneNumber(piece, piece);
    if (error) return { error: `${error} (in ${quote(typed)})` };
    numbers.push(value);
  }
  if (numbers.length !== count) return { error: `${quote(typed)} holds ${numbers.length} number${numbers.length === 1 ? '' : 's'}, not ${count}` };
  return { value: numbers };
}

/** Whether every number of `answer` is within `tolerance` of the one `expected` at its place. */
export function withinTolerance(answer, expected, tolerance) {
  const a = [answer].flat(), e = [expected].flat();
  return a.length === e.length && a.every((x, i) => Math.abs(x - e[i]) <= tolerance);
}
