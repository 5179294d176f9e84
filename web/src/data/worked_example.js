// The worked example of the source (makemore part 2 notes): vocabulary @ a b c . with ids 0..4
// and the 5 x 2 embedding table C.
export const symbols = ['@', 'a', 'b', 'c', '.'];

export const tableC = [
  [0.10, -0.20],  // '@'
  [0.00, 0.30],   // 'a'
  [-0.40, 0.20],  // 'b'
  [0.50, -0.10],  // 'c'
  [-0.20, 0.40],  // '.'
];

export const defaultContext = [0, 1, 2];  // ['@', 'a', 'b']

// Section 5's final vector h: not a row of C, so the symbol it favours is not simply the one whose
// row it copies (with the tied table, a row's dot product with itself is often the largest).
export const defaultH = [-0.5, 1.0];

// GPT-3's embedding (the guide's reference figures): vocabulary V, width d, context B.
export const gpt3 = { name: 'GPT-3', V: 50257, d: 12288, B: 2048 };
