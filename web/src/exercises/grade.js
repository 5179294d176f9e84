// Grading an exercise against its section's numbers, which the core computes: the same numbers
// the section draws. Nothing here computes a figure; it finds one and compares.
import { initialState } from '../defaults.js';
import { formatCount, formatNumber, formatVector } from '../format.js';
import { costNumbers } from '../sections/cost.js';
import { lookupNumbers } from '../sections/lookup.js';
import { unembeddingNumbers } from '../sections/unembedding.js';
import { parseAnswer, withinTolerance } from './answer.js';

const numbersOf = { lookup: lookupNumbers, cost: costNumbers, unembedding: unembeddingNumbers };

/** The sections that have exercises. */
export const sectionsWithExercises = Object.keys(numbersOf);

/** The state an exercise's figure is computed for: the lab's defaults with the exercise's settings over them. */
export const exerciseState = (exercise) => ({ ...structuredClone(initialState), ...structuredClone(exercise.state) });

/**
 * The figure at `exercise.figure` ('logits.1', 'gpt3Token.oneHotMacs') in the section's numbers
 * for `state`, or undefined where the numbers have none (no probabilities at a logit of inf).
 */
export function figureOf(core, exercise, state) {
  const numbers = numbersOf[exercise.section](core, state);
  return exercise.figure.split('.').reduce((value, key) => value?.[key], numbers);
}

/** A figure as the explanation shows it: a vector, a count, a percentage, a symbol or a number. */
function shown(exercise, figure, state) {
  if (exercise.kind === 'symbol') return `“${state.vocab[figure]}”`;
  if (exercise.kind === 'setting') return `${formatNumber(figure * 100, 1)}%`;
  if (Array.isArray(figure)) return formatVector(figure);
  return Number.isInteger(figure) ? formatCount(figure) : formatNumber(figure);
}

/**
 * The reader's answer graded: { error } when it does not parse (not a try), else { correct,
 * explanation } where the explanation has the core's figure in place of {expected}. `live` is
 * the page's state, which a 'setting' exercise reads instead of `text`.
 */
export function grade(core, exercise, text, live) {
  const state = exercise.kind === 'setting' ? live : exerciseState(exercise);
  const figure = figureOf(core, exercise, state);
  if (figure === undefined && exercise.kind === 'setting') return { correct: false, explanation: '' };  // the page shows why
  if (figure === undefined) throw new Error(`exercise ${exercise.id}: its section's numbers have no figure ${exercise.figure}`);
  const explanation = exercise.explanation.replace('{expected}', shown(exercise, figure, state));
  if (exercise.kind === 'setting') return { correct: figure >= exercise.atLeast, explanation };
  const parsed = parseAnswer(text, exercise.kind, { count: [figure].flat().length, choices: state.vocab });
  if (parsed.error) return { error: parsed.error };
  const correct = exercise.kind === 'symbol' ? parsed.value === state.vocab[figure] : withinTolerance(parsed.value, figure, exercise.tolerance);
  return { correct, explanation };
}
