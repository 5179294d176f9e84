// The lab's state, in one place: what the reader has chosen or typed. Sections read it, ask the
// core for numbers and draw them; they keep no numbers of their own. A change notifies the
// sections that listen to the changed keys, once each.

export function createState(initial) {
  const values = structuredClone(initial);
  const listeners = new Map();  // key -> [callback]
  const changeListeners = [];   // called with the changed keys after every change

  return {
    get(key) {
      return values[key];
    },
    /** A copy of every value. */
    snapshot() {
      return structuredClone(values);
    },
    /** Sets one key and tells its listeners. */
    set(key, value) {
      this.setMany({ [key]: value });
    },
    /** Sets several keys at once (a vocabulary and its table, say), then tells each listener once. */
    setMany(changes) {
      Object.assign(values, changes);
      const keys = Object.keys(changes);
      const callbacks = new Set(keys.flatMap((key) => listeners.get(key) ?? []));
      for (const callback of callbacks) callback();
      for (const listener of changeListeners) listener(keys);
    },
    /** Calls callback now and whenever one of keys changes. */
    watch(keys, callback) {
      for (const key of keys) listeners.set(key, [...(listeners.get(key) ?? []), callback]);
      callback();
    },
    /** Calls listener(keys) after every change. */
    onChange(listener) {
      changeListeners.push(listener);
    },
  };
}
