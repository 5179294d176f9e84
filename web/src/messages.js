// The message API through which a course page scripts a lesson around an embedded lab.
//
// Commands (posted to the lab's window; to an iframe's contentWindow for an iframe):
//   { type: 'embedding-lab:set-state', state: { temperature: 0, context: [0, 1, 2], ... }, target?: 'element id' }
//   { type: 'embedding-lab:get-state', target?: 'element id' }
//   { type: 'embedding-lab:start-training' | 'embedding-lab:stop-training' | 'embedding-lab:sample' }
//     (for a lab that shows the training section)
//   { type: 'embedding-lab:get-progress', target?: 'element id' }
// Events, each with the lab's state { type, state, sections } (and command, notices for an error):
//   ready          the lab has started
//   state-changed  the reader or a command changed the state
//   state          the answer to get-state
//   error          a command was refused or failed (notices say why; a refused set-state value
//                  leaves the current value as it was, and the valid values beside it apply)
//   trained        a training run finished: { steps, losses: { train, dev, test } }
//   sampled        samples were drawn: { samples: [text, ...] }
//   exercise-answered  the reader checked an answer: { id, correct, tries } (tries counts this one)
//   progress       the answer to get-progress: { progress: { id: { tries, correct } } } of every
//                  exercise tried in this browser on this page
// An iframe posts them to its parent as { type: 'embedding-lab:<event>', ... }; an element
// dispatches them as DOM events named 'lab-<event>' whose detail is the same object.
// Every command from a sender the lab obeys gets an answer: its event, or an error. A message
// from a sender the lab does not obey is ignored and logged, never run.

const prefix = 'embedding-lab:';
const commandNames = ['set-state', 'get-state', 'start-training', 'stop-training', 'sample', 'get-progress'];

/** Why a message is not a command for this lab, or '' if it is one. */
export function rejectReason(data) {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not an object';
  if (typeof data.type !== 'string' || !data.type.startsWith(prefix)) return 'its type is not an embedding-lab command';
  if (!commandNames.includes(data.type.slice(prefix.length))) return `“${data.type.slice(0, 60)}” is not one of ${commandNames.map((c) => prefix + c).join(', ')}`;
  if (data.type === `${prefix}set-state` && (typeof data.state !== 'object' || data.state === null || Array.isArray(data.state))) {
    return 'set-state needs a state object';
  }
  return '';
}

const isLabMessage = (data) => typeof data?.type === 'string' && data.type.startsWith(prefix);

/**
 * Runs one command and answers it: an error event with the notices the command returned, or,
 * if it threw or its promise was rejected, with what went wrong. Never throws.
 */
export async function answer(emit, command, run) {
  try {
    const notices = (await run()) ?? [];
    if (notices.length > 0) emit('error', { command, notices });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    console.warn(`Embedding Lab could not ${command}: ${why}`);
    emit('error', { command, notices: [`${command} failed: ${why.slice(0, 200)}`] });
  }
}

/**
 * Listens for commands meant for a lab: { element, emit(name, extra), commands } where
 * commands[name](message) returns the notices of what it refused (or a promise of them).
 * `accepts(event)` says whether the sender may command this lab.
 */
export function listen({ element, emit, commands }, accepts) {
  window.addEventListener('message', (event) => {
    if (!isLabMessage(event.data)) return;  // other scripts' messages are none of the lab's business
    if (!accepts(event)) {
      console.warn(`Embedding Lab ignored ${event.data.type.slice(0, 60)} from ${event.origin}: not a sender it obeys.`);
      return;
    }
    if (event.data.target !== undefined && event.data.target !== element.id) return;  // for another lab on the page
    const reason = rejectReason(event.data);
    const command = event.data.type.slice(prefix.length);
    if (reason) {
      console.warn(`Embedding Lab refused a message: ${reason}.`);
      emit('error', { command: command.slice(0, 60), notices: [reason] });
      return;
    }
    answer(emit, command, () => commands[command](event.data));
  });
}

/** The message or DOM event name of an event. */
export const messageType = (name) => prefix + name;
