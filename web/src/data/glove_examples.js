// Section 6's questions on GloVe's real vectors: preset analogies a - b + c, and directions
// between two opposed words ("to" minus "from"), each named "to-from" in settings and links.
export const analogies = [
  { a: 'king', b: 'man', c: 'woman' },
  { a: 'paris', b: 'france', c: 'italy' },
  { a: 'walking', b: 'walk', c: 'swim' },
  { a: 'cats', b: 'cat', c: 'dog' },
  { a: 'tokyo', b: 'japan', c: 'germany' },  // a pitfall: frankfurt beats berlin
];

export const pairs = [['woman', 'man'], ['cats', 'cat'], ['queen', 'king'], ['good', 'bad'], ['paris', 'london']];

/** A pair's name in settings: "woman-man". */
export const pairName = ([to, from]) => `${to}-${from}`;
