// What the sub-views of the training section share: number formatting, number fields and message
// slots.
import { el } from '../../dom.js';

export const count = new Intl.NumberFormat('en-US');

const longestMessage = 240;  // characters of a message from the worker: it quotes at most a short part of what it names

/** A message from the worker (the core's words), cut short if it is long. */
export const bounded = (text) => (text.length > longestMessage ? `${text.slice(0, longestMessage)}…` : text);

/**
 * A message beside its control. A message below every control it could move takes no room when
 * empty; one with controls below it (reserve) keeps its room, so its coming or going never moves
 * them.
 */
export function messageSlot(element, { reserve = false } = {}) {
  element.classList.add(reserve ? 'slot' : 'collapsing');
  return {
    show(text) {
      element.textContent = text;
    },
    clear() {
      element.textContent = '';
    },
    get text() {
      return element.textContent;
    },
  };
}

/**
 * A labelled number field. What is typed is checked by check(text) -> { value } | { error }: a
 * good value goes to accept(value); a refused one puts the field back to current() and goes to
 * refuse(message), which says the old value stays. range ({ min, max }) and integer set the
 * input's own limits. Returns { field (the label and input), input }.
 */
export function numberField({ label, range, integer, check, current, accept, refuse }) {
  const input = el('input', {
    type: 'number', min: range.min, max: range.max, step: integer ? 1 : 'any', value: current(), 'aria-label': label,
    onchange: () => {
      const { value, error } = check(input.value);
      if (error === undefined) return accept(value);
      refuse(`${error}: it stays ${current()}.`);
      input.value = current();
    } });
  return { input, field: el('label', { class: 'field' }, el('span', {}, label), input) };
}
