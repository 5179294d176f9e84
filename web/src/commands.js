// What each command of the message API (messages.js) does to a lab. Each returns the notices of
// what it refused (nothing, or a promise, for the training section's controls); the router
// answers with an error event when there are any, and when a command throws or rejects.
import { readChanges } from './settings.js';

/**
 * The commands of a mounted lab: its state, the controls its sections offer (train, pause,
 * sample) and emit(name, extra) for the events.
 */
export function labCommands({ state, controls, emit }) {
  const training = (name, control) => () => (control ? control() : [`${name} needs the training section, which this lab does not show`]);
  return {
    'set-state'({ state: changes }) {
      const { values, notices } = readChanges(changes, state.snapshot());
      if (values.section) {
        notices.push('section cannot change once the lab is built: the current sections stay');
        delete values.section;
      }
      if (Object.keys(values).length > 0) state.setMany(values);  // answered by state-changed
      else if (notices.length === 0) notices.push('set-state changed nothing: its state object holds no setting');
      return notices;
    },
    'get-state'() {
      emit('state');
      return [];
    },
    'start-training': training('start-training', controls.train),
    'stop-training': training('stop-training', controls.pause),
    sample: training('sample', controls.sample),
    'get-progress'() {
      emit('progress', { progress: controls.progress() });
      return [];
    },
  };
}
