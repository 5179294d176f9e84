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
 * The figure at `exercise.figure` ('logits.1', 'gpt3Token.oneHotMacs') in the section's numbers
 * for `state`, or undefined where the numbers have none (no probabilities at a logit of inf);
 * and the symbols a 'symbol' answer may name: the section's own (section 6's words), else the
 * vocabulary.
 */
export function figureOf(core, exercise, state) {
  const numbers = numbersOf[exercise.section](core, state);
  return {
    figure: exercise.figure.split('.').reduce((value, key) => value?.[key], numbers),
    symbols: numbers.symbols ?? state.vocab,
  };
}

/** A figure as the explanation shows it: a symbol, a percentage, a vector, a count or a number. */
function shown(exercise, figure, symbols) {
  if (exercise.kind === 'symbol') return `“${symbols[figure]}”`;
  if (exercise.format === 'percent') return `${formatNumber(figure * 100, 1)}%`;
  if (Array.isArray(figure[0])) return `[${figure.map((row) => formatVector(row)).join(', ')}]`;  // rows of a matrix
  if (Array.isArray(figure)) return figure.every(Number.isInteger) ? `[${figure.join(', ')}]` : formatVector(figure);
  return Number.isInteger(figure) ? formatCount(figure) : formatNumber(figure, exercise.decimals ?? 2);
}

/**
 * The reader's answer graded: { error } when it does not parse (not a try), else { correct,
 * explanation } where the explanation has the core's figure in place of {expected}. `live` is
 * the page's state, which a 'setting' exercise reads instead of `text`.
 */
export function grade(core, exercise, text, live) {
  const state = exercise.kind === 'setting' ? live : exerciseState(exercise);
  const { figure, symbols } = figureOf(core, exercise, state);
  if (figure === undefined && exercise.kind === 'setting') return { correct: false, explanation: '' };  // the page shows why
  if (figure === undefined) throw new Error(`exercise ${exercise.id}: its section's numbers have no figure ${exercise.figure}`);
  const explanation = exercise.explanation.replace('{expected}', shown(exercise, figure, symbols));
  if (exercise.kind === 'setting') return { correct: figure >= exercise.atLeast, explanation };
  const parsed = parseAnswer(text, exercise.kind, { count: [figure].flat(2).length, choices: symbols });
  if (parsed.error) return { error: parsed.error };
  const correct = exercise.kind === 'symbol' ? parsed.value === symbols[figure] : withinTolerance(parsed.value, [figure].flat(2), exercise.tolerance);
  return { correct, explanation };
}
