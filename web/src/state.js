// The page's state, in one place: what the reader has chosen or typed. Sections read it, ask the
// core for numbers and draw them; they keep no numbers of their own. A change notifies the
// sections that listen to that key.

export function createState(initial) {
  const values = structuredClone(initial);
  const listeners = new Map();  // key -> [callback]

  return {
    get(key) {
      return values[key];
    },
    /** Sets key to value and tells its listeners. */
    set(key, value) {
      values[key] = value;
      for (const listener of listeners.get(key) ?? []) listener(value);
    },
    /** Calls callback now and whenever one of keys changes. */
    watch(keys, callback) {
      for (const key of keys) listeners.set(key, [...(listeners.get(key) ?? []), callback]);
      callback();
    },
  };
}
