// The message API through which a course page scripts a lesson around an embedded lab.
//
// Commands (posted to the lab's window; to an iframe's contentWindow for an iframe):
//   { type: 'embedding-lab:set-state', state: { temperature: 0, context: [0, 1, 2], ... }, target?: 'element id' }
//   { type: 'embedding-lab:get-state', target?: 'element id' }
//   { type: 'embedding-lab:start-training' | 'embedding-lab:stop-training' | 'embedding-lab:sample' }
//     (for a lab that shows the training section)
// Events, each with the lab's state { type, state, sections } (and notices for an error):
//   ready          the lab has started
//   state-changed  the reader or a command changed the state
//   state          the answer to get-state
//   error          a command was refused (notices say why; a refused set-state value keeps its default)
//   trained        a training run finished: { steps, losses: { train, dev, test } }
//   sampled        samples were drawn: { samples: [text, ...] }
// An iframe posts them to its parent as { type: 'embedding-lab:<event>', ... }; an element
// dispatches them as DOM events named 'lab-<event>' whose detail is the same object.
// A message from an unexpected sender or of the wrong shape is ignored and logged, never run.

const prefix = 'embedding-lab:';
const commands = ['set-state', 'get-state', 'start-training', 'stop-training', 'sample'];

/** Why a message is not a command for this lab, or '' if it is one. */
export function rejectReason(data) {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not an object';
  if (typeof data.type !== 'string' || !data.type.startsWith(prefix)) return 'its type is not an embedding-lab command';
  if (!commands.includes(data.type.slice(prefix.length))) return `“${String(data.type).slice(0, 60)}” is not one of ${commands.map((c) => prefix + c).join(', ')}`;
  if (data.type === `${prefix}set-state` && (typeof data.state !== 'object' || data.state === null || Array.isArray(data.state))) {
    return 'set-state needs a state object';
  }
  return '';
}

/**
 * Listens for commands meant for `lab` ({ element, apply(state) -> notices, run(command) ->
 * notices, emit(name, extra) }).
 * `accepts(event)` says whether the sender may command this lab.
 */
export function listen(lab, accepts) {
  window.addEventListener('message', (event) => {
    if (!accepts(event)) {
      // Other scripts' messages are none of the lab's business; a lab command from a sender the
      // lab does not obey is worth a word.
      if (typeof event.data?.type === 'string' && event.data.type.startsWith(prefix)) {
        console.warn(`Embedding Lab ignored ${event.data.type.slice(0, 60)} from ${event.origin}: not a sender it obeys.`);
      }
      return;
    }
    if (event.data?.target !== undefined && event.data.target !== lab.element.id) return;  // for another lab on the page
    const reason = rejectReason(event.data);
    if (reason) {
      console.warn(`Embedding Lab ignored a message: ${reason}.`);
      return;
    }
    const command = event.data.type.slice(prefix.length);
    if (command === 'get-state') {
      lab.emit('state');
      return;
    }
    const notices = command === 'set-state' ? lab.apply(event.data.state) : lab.run(command);  // a change emits state-changed by itself
    if (notices.length > 0) lab.emit('error', { notices });
  });
}

/** The message or DOM event name of an event. */
export const messageType = (name) => prefix + name;
