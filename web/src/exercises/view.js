// The exercises of the shown sections, at the end of each: a question, an answer box and Check.
// A wrong try gets the hint, the right answer the explanation with the core's figure, and then
// "Show it on the page" sets the section to the exercise's state. Each try is recorded
// (progress.js) and announced as the lab's exercise-answered event.
import { el, showMessage } from '../dom.js';
import { exercises } from './list.js';
import { exerciseState, grade, gradeLive } from './grade.js';
import { browserStorage, createProgress } from './progress.js';

/**
 * Adds the exercises of the sections in `names` to root (a lab's shadow root). The `exercises`
 * setting shows them (on), hides them (off), shows them on the lab's own page only (auto,
 * `embedded` false), or shows them with the sections' live figures and controls but not their
 * prose (only). Each list has a button that prints it as a worksheet, without the answers.
 * Returns { progress }: every exercise tried, for the get-progress command.
 */
export function mountExercises({ root, core, state, emit, names, embedded, live }) {
  const progress = createProgress(browserStorage(), globalThis.location?.pathname ?? '');
  const asides = names.flatMap((name) => {
    const own = exercises.filter((exercise) => exercise.section === name);
    if (own.length === 0) return [];
    const summary = el('p', { class: 'hint exercises-summary' });
    const items = own.map((exercise) => exerciseItem({ exercise, core, state, progress, liveNumbers: live[name], onTry: (id, correct) => {
      emit('exercise-answered', { id, correct, tries: progress.of(id).tries });
      summarise();
    } }));
    const reset = el('button', { type: 'button', onclick: () => {
      progress.reset();
      items.forEach((item) => item.clear());
      summarise();
    } }, 'Reset my progress');
    function summarise() {
      const right = own.filter(({ id }) => progress.of(id).correct).length;
      summary.textContent = `${right} of ${own.length} right${progress.kept ? ', kept in this browser only' : ' (this browser keeps no progress for this page)'}. `;
      summary.append(reset);
    }
    summarise();
    const print = el('button', { type: 'button', class: 'print', onclick: () => printWorksheet(root, aside) }, 'Print as a worksheet');
    const aside = el('aside', { class: 'exercises', 'aria-labelledby': `exercises-${name}` },
      el('h3', { id: `exercises-${name}` }, 'Predict, then check', print), el('ol', {}, items.map((item) => item.element)), summary);
    root.getElementById(name).append(aside);
    return [aside];
  });
  const lab = root.querySelector('.lab');
  state.watch(['exercises'], () => {
    const setting = state.get('exercises');
    const shown = setting === 'on' || setting === 'only' || (setting === 'auto' && !embedded);
    for (const aside of asides) aside.hidden = !shown;
    lab.classList.toggle('exercises-only', setting === 'only');
  });
  return { progress: () => progress.all() };
}

/**
 * Prints one section's exercises as a worksheet: the prompts with room to write, no answers
 * (lab.css's print rules show only the aside marked `printing`).
 */
function printWorksheet(root, aside) {
  const lab = root.querySelector('.lab');
  lab.classList.add('worksheet');
  aside.classList.add('printing');
  const done = () => {
    lab.classList.remove('worksheet');
    aside.classList.remove('printing');
    removeEventListener('afterprint', done);
  };
  addEventListener('afterprint', done);
  print();
}

/** One exercise: { element, clear() }. */
function exerciseItem({ exercise, core, state, progress, liveNumbers, onTry }) {
  const input = exercise.kind === 'setting' ? null : el('input', {
    type: 'text', size: exercise.kind === 'numbers' ? 24 : 12, spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
    'aria-describedby': `prompt-${exercise.id}`, onkeydown: (event) => { if (event.key === 'Enter') check(); },
  });
  const result = el('p', { class: 'result', role: 'status' });
  const show = el('button', { type: 'button', hidden: true, onclick: () => state.setMany(exerciseState(exercise)) }, 'Show it on the page');
  const showable = exercise.kind !== 'setting' && !exercise.live;  // the others are on the page already
  const message = el('p', { class: 'message', role: 'alert', hidden: true });

  async function check() {
    let graded;
    try {
      graded = exercise.live ? await gradeLive(exercise, input?.value ?? '', liveNumbers)
        : grade(core, exercise, input?.value ?? '', state.snapshot());
    } catch (error) {
      showMessage(message, `Not graded: ${error.message}`);
      return;
    }
    if (graded.error) {
      showMessage(message, `${graded.error}. Nothing was counted: try again.`);
      return;
    }
    showMessage(message, '');
    const { tries } = progress.record(exercise.id, graded.correct);
    result.className = graded.correct ? 'result right' : 'result wrong';
    result.textContent = graded.correct ? `Right. ${graded.explanation}` : `Not yet (try ${tries}). Hint: ${exercise.hint}`;
    show.hidden = !graded.correct || !showable;
    onTry(exercise.id, graded.correct);
  }

  function clear() {
    if (input) input.value = '';
    result.className = 'result';
    result.textContent = progress.of(exercise.id).correct ? 'Answered right before in this browser.' : '';
    show.hidden = true;
    showMessage(message, '');
  }
  clear();

  const checkButton = el('button', { type: 'button', onclick: check }, exercise.kind === 'setting' ? 'Check my setting' : 'Check');
  const element = el('li', { class: 'exercise', id: `exercise-${exercise.id}` },
    el('p', { class: 'prompt', id: `prompt-${exercise.id}` }, exercise.prompt),
    el('div', { class: 'controls' }, input && el('label', { class: 'field' }, el('span', {}, 'Your answer'), input), checkButton, show),
    message, result);
  return { element, clear };
}
