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
