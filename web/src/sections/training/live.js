// What the trained model says, for the section's exercises: liveNumbers(query) asks the worker
// for the symbol after query.context and resolves to the numbers the exercises read,
//   { symbols, next: { top (id), probs }, uniform (ln V), dev, steps },
// or rejects with the worker's reason (no model yet, a symbol the model does not know). One
// question at a time: a new one while another is out waits for it.
import { answer, command } from '../../training/protocol.js';

/** { liveNumbers(query), receive(data) }: receive takes the worker's answers and says whether one was its own. */
export function createLiveNumbers(send) {
  let waiting = null;  // { resolve, reject } of the question out, or null
  let queue = Promise.resolve();
  const ask = (context) => new Promise((resolve, reject) => {
    waiting = { resolve, reject };
    send({ type: command.next, context });
  });
  return {
    liveNumbers({ context = '' } = {}) {
      const asked = queue.then(() => ask(context));
      queue = asked.catch(() => {});
      return asked;
    },
    receive(data) {
      if (data.type === answer.next && waiting) {
        const { symbols, probs, top, uniform, dev, steps } = data;
        waiting.resolve({ symbols, next: { top: top.id, probs }, uniform, dev, steps });
      } else if (data.type === answer.error && data.command === command.next && waiting) {
        waiting.reject(new Error(data.message));
      } else if (data.type === answer.died && waiting) {
        waiting.reject(new Error(`the training worker stopped (${data.message})`));
      } else {
        return false;
      }
      waiting = null;
      return data.type !== answer.died;  // the section too must hear that the worker died
    },
  };
}
