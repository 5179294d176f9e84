// What the sub-views of the training section share: number formatting and message slots.

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
