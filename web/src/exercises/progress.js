// The reader's progress on the exercises of a page: for each exercise id, { tries, correct }.
// Kept in the browser's localStorage under the page's path, never sent anywhere. Where storage
// is refused (a sandboxed iframe, a browser set to keep nothing), progress lives as long as the
// page, and `kept` says so.

const storageKey = (path) => `embedding-lab:exercises:${path}`;

/** The progress of the page at `path`, read from `storage` (localStorage, or null for none). */
export function createProgress(storage, path) {
  let records = {};
  let kept = storage !== null;
  try {
    const saved = JSON.parse(storage?.getItem(storageKey(path)) ?? '{}');
    if (saved && typeof saved === 'object' && !Array.isArray(saved)) records = saved;
  } catch {
    kept = false;  // unreadable or refused: start afresh, in memory only
  }
  const save = () => {
    if (!kept) return;
    try {
      storage.setItem(storageKey(path), JSON.stringify(records));
    } catch {
      kept = false;
    }
  };
  return {
    /** Whether progress survives a reload. */
    get kept() { return kept; },
    /** { tries, correct } of an exercise: { tries: 0, correct: false } before the first try. */
    of(id) {
      const record = Object.hasOwn(records, id) ? records[id] : null;
      return { tries: Number(record?.tries) || 0, correct: record?.correct === true };
    },
    /** Records one try; returns the exercise's progress after it. A right answer stays right. */
    record(id, correct) {
      const before = this.of(id);
      records[id] = { tries: before.tries + 1, correct: before.correct || correct };
      save();
      return this.of(id);
    },
    /** Every exercise tried, { id: { tries, correct } }. */
    all() {
      return Object.fromEntries(Object.keys(records).map((id) => [id, this.of(id)]));
    },
    reset() {
      records = {};
      save();
    },
  };
}

/** The browser's localStorage, or null where reading it is refused. */
export function browserStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
