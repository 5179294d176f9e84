// Grading an exercise against its section's numbers, which the core computes: the same numbers
// the section draws. Nothing here computes a figure; it finds one and compares.
import { initialState } from '../defaults.js';
import { formatCount, formatNumber, formatVector } from '../format.js';
import { costNumbers } from '../sections/cost.js';
import { directionsNumbers } from '../sections/directions.js';
import { lookupNumbers } from '../sections/lookup.js';
import { oneHotNumbers } from '../sections/one_hot.js';
import { textNumbers } from '../sections/text_to_tensor.js';
import { unembeddingNumbers } from '../sections/unembedding.js';
import { parseAnswer, withinTolerance } from './answer.js';

const numbersOf = {
  lookup: lookupNumbers, 'one-hot': oneHotNumbers, cost: costNumbers, text: textNumbers,
  unembedding: unembeddingNumbers, directions: directionsNumbers,
};

/** The sections that have exercises. */
export const sectionsWithExercises = Object.keys(numbersOf);

/** The state an exercise's figure is computed for: the lab's defaults with the exercise's settings over them. */
export const exerciseState = (exercise) => ({ ...structuredClone(initialState), ...structuredClone(exercise.state) });

/**
 * The figure at `exercise.figure` ('logits.1', 'gpt3Token.oneHotMacs') in a section's numbers,
 * or undefined where they have none (no probabilities at a logit of inf); and the symbols a
 * 'symbol' answer may name: the section's own (section 6's words), else the vocabulary.
 */
function pick(exercise, numbers, state) {
  return {
    figure: exercise.figure.split('.').reduce((value, key) => value?.[key], numbers),
    symbols: numbers.symbols ?? state.vocab,
  };
}

/** The figure of an exercise in its section's numbers for `state`, and the symbols (as pick). */
export const figureOf = (core, exercise, state) => pick(exercise, numbersOf[exercise.section](core, state), state);

/** A figure as the explanation shows it: a symbol, a percentage, a vector, a count or a number. */
function shown(exercise, figure, symbols) {
  if (exercise.kind === 'symbol') return `“${symbols[figure]}”`;
  if (exercise.format === 'percent') return `${formatNumber(figure * 100, 1)}%`;
  if (Array.isArray(figure[0])) return `[${figure.map((row) => formatVector(row)).join(', ')}]`;  // rows of a matrix
  if (Array.isArray(figure)) return figure.every(Number.isInteger) ? `[${figure.join(', ')}]` : formatVector(figure);
  return Number.isInteger(figure) ? formatCount(figure) : formatNumber(figure, exercise.decimals ?? 2);
}

/** Whether a setting's figure is within its bounds (atLeast, atMost). */
const withinBounds = (exercise, figure) => !(figure < exercise.atLeast) && !(figure > exercise.atMost);

/** The answer `text` judged against { figure, symbols }: see grade. */
function judge(exercise, text, { figure, symbols }) {
  if (figure == null && exercise.kind === 'setting') return { correct: false, explanation: '' };  // none (yet): the page shows why
  if (figure === undefined) throw new Error(`exercise ${exercise.id}: its section's numbers have no figure ${exercise.figure}`);
  const explanation = exercise.explanation.replace('{expected}', shown(exercise, figure, symbols));
  if (exercise.kind === 'setting') return { correct: withinBounds(exercise, figure), explanation };
  const parsed = parseAnswer(text, exercise.kind, { count: [figure].flat(2).length, choices: symbols });
  if (parsed.error) return { error: parsed.error };
  const correct = exercise.kind === 'symbol' ? parsed.value === symbols[figure] : withinTolerance(parsed.value, [figure].flat(2), exercise.tolerance);
  return { correct, explanation };
}

/**
 * The reader's answer graded: { error } when it does not parse (not a try), else { correct,
 * explanation } where the explanation has the core's figure in place of {expected}. `live` is
 * the page's state, which a 'setting' exercise reads instead of `text`.
 */
export function grade(core, exercise, text, live) {
  return judge(exercise, text, figureOf(core, exercise, exercise.kind === 'setting' ? live : exerciseState(exercise)));
}

/**
 * An exercise on what the page has trained (`live: true`), graded like any other against the
 * numbers that its section's liveNumbers(exercise.query) resolves to: the core's, from the model
 * in the page. Rejects, with the section's reason, when there is no such model yet.
 */
export async function gradeLive(exercise, text, liveNumbers) {
  return judge(exercise, text, pick(exercise, await liveNumbers(exercise.query), initialState));
}
