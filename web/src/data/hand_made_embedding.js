// A small embedding table made by hand for the directions section, NOT learned: each column is
// a named quality, so that directions such as woman - man are easy to read.
export const columns = ['person', 'royal', 'female', 'plural', 'young', 'fruit'];

export const words = [
  ['man',      [0.90, 0.05, 0.05, 0.00, 0.10, 0.00]],
  ['woman',    [0.90, 0.05, 0.95, 0.00, 0.10, 0.00]],
  ['king',     [0.85, 0.95, 0.05, 0.00, 0.05, 0.00]],
  ['queen',    [0.85, 0.90, 0.95, 0.00, 0.05, 0.00]],
  ['men',      [0.90, 0.05, 0.05, 0.95, 0.10, 0.00]],
  ['women',    [0.90, 0.05, 0.95, 0.95, 0.10, 0.00]],
  ['kings',    [0.85, 0.95, 0.05, 0.95, 0.05, 0.00]],
  ['queens',   [0.85, 0.90, 0.95, 0.95, 0.05, 0.00]],
  ['boy',      [0.90, 0.05, 0.05, 0.00, 0.90, 0.00]],
  ['girl',     [0.90, 0.05, 0.95, 0.00, 0.90, 0.00]],
  ['prince',   [0.85, 0.90, 0.05, 0.00, 0.80, 0.00]],
  ['princess', [0.85, 0.90, 0.95, 0.00, 0.80, 0.00]],
  ['apple',    [0.00, 0.00, 0.00, 0.00, 0.00, 1.00]],
  ['apples',   [0.00, 0.00, 0.00, 0.95, 0.00, 1.00]],
];

// Directions as the difference of two words: "to" minus "from".
export const directions = [
  { name: 'female', from: 'man', to: 'woman' },
  { name: 'plural', from: 'man', to: 'men' },
  { name: 'royal', from: 'man', to: 'king' },
];
