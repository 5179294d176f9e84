// What the sub-views of the training section share: number formatting, how a symbol is shown,
// and message slots.

export const count = new Intl.NumberFormat('en-US');

/** A symbol as the page shows it: the space as ␠. */
export const shown = (symbol) => (symbol === ' ' ? '␠' : symbol);

const longestMessage = 240;  // characters of a message from the worker: it quotes at most a short part of what it names

/** A message from the worker (the core's words), cut short if it is long. */
export const bounded = (text) => (text.length > longestMessage ? `${text.slice(0, longestMessage)}…` : text);

/**
 * A message beside its control. The slot keeps its room when empty, so a message that comes or
 * goes never moves the controls around it.
 */
export function messageSlot(element) {
  element.classList.add('slot');
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
