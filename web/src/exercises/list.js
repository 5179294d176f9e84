// The exercises: predict, then check. Pure data. No expected value is typed here: each exercise
// names a figure of its section's numbers (lookupNumbers, costNumbers, unembeddingNumbers), and the
// core computes that figure for the exercise's state (the lab's defaults with `state` over them).
//
//   id           stable name, the key of the reader's progress and of the exercise-answered event
//   section      the section it belongs to
//   state        the settings the figure is computed for; "Show it" puts them on the page
//   prompt       the question
//   kind         'number' | 'numbers' | 'symbol' (the answer is a symbol of the vocabulary; the
//                figure is its id) | 'setting' (the reader sets the page; the figure is read
//                from the page's own state, or from its live numbers, within atLeast and atMost)
//   figure       the figure's path in the section's numbers: 'spotlightRow', 'logits.1', 'top.id'
//   live         true for a figure of what the page trained: the section's liveNumbers(query)
//                gives its numbers (and says why not, before training); `query` is what it asks
//   atLeast, atMost  the bounds of a 'setting' figure
//   tolerance    how far a number may be from the figure (answers of kind number and numbers)
//   format       'percent' to show the figure as one in the explanation; decimals, how many to show
//   hint         shown after a wrong try
//   explanation  shown after the right answer; {expected} stands for the figure as the core gives it
export const exercises = [
  {
    id: 'lookup-row', section: 'lookup', state: { spotlight: 3 },
    prompt: 'C is the table on the page (the source’s 5 × 2 table). What does the lookup C[3] give? Type its two numbers.',
    kind: 'numbers', figure: 'spotlightRow', tolerance: 0.005,
    hint: 'Ids start at 0: id 3 is the fourth row. The lookup computes nothing, it copies that row.',
    explanation: 'C[3] = {expected}: row 3 of C, copied as it is. Looking up an id is indexing, not arithmetic.',
  },
  {
    id: 'lookup-length', section: 'lookup', state: { context: [0, 1, 2] },
    prompt: 'The context @ a b has B = 3 ids and each row of C holds d = 2 numbers. How many numbers does x = emb.view(-1) hold?',
    kind: 'number', figure: 'concatenation.length', tolerance: 0,
    hint: 'emb = C[Xb] has one row per id and one column per number of a row; view(-1) lays the rows end to end.',
    explanation: 'B × d = {expected} numbers: the MLP reads the context as one long vector, the rows side by side.',
  },
  {
    id: 'lookup-concatenation', section: 'lookup', state: { context: [2, 2, 1] },
    prompt: 'The context is b b a (ids 2, 2, 1). What is x = emb.view(-1)? Type all six numbers in order.',
    kind: 'numbers', figure: 'concatenation', tolerance: 0.005,
    hint: 'Copy row 2 of C twice, then row 1, and write them one after another.',
    explanation: 'x = {expected}. A repeated id copies the same row again: the lookup has no idea of position.',
  },
  {
    id: 'one-hot-row', section: 'one-hot', state: { context: [2] },
    prompt: 'The vocabulary is @ a b c . (ids 0 to 4). What is one_hot(2), the one-hot row of b? Type its five numbers.',
    kind: 'numbers', figure: 'oneHot.0', tolerance: 0,
    hint: 'A one-hot row has one entry per symbol of the vocabulary: 1 at the id, 0 everywhere else.',
    explanation: 'one_hot(2) = {expected}. Times W, the 1 picks row 2 of W and every 0 silences another row.',
  },
  {
    id: 'one-hot-product', section: 'one-hot', state: { context: [3, 0] },
    prompt: 'The context is c @ (ids 3, 0) and W is the source’s table C. What is one_hot(ids) × W? Type its four numbers, row by row.',
    kind: 'numbers', figure: 'viaProduct', tolerance: 0.005,
    hint: 'Each one-hot row picks one row of W: you do not need to multiply anything.',
    explanation: 'one_hot × W = {expected}, the same numbers as the lookup W[[3, 0]], after 2 × 5 × 2 = 20 multiply-adds instead of none.',
  },
  {
    id: 'one-hot-differ', section: 'one-hot', state: {},
    prompt: 'Edit W on the page so that one_hot × W and the lookup disagree, without touching a row the context selects. Then check.',
    kind: 'setting', figure: 'comparison.differing', atLeast: 1,
    hint: 'The product multiplies every row of W by 0 or 1. Which number times 0 is not 0? Type it into a row that is not lit.',
    explanation: '{expected} of the entries now differ: 0 × inf and 0 × nan are nan, so a row the context never selects still reaches the product. The lookup never reads it.',
  },
  {
    id: 'cost-gpt3-product', section: 'cost', state: {},
    prompt: 'GPT-3 has V = 50,257 tokens and rows of d = 12,288 numbers. How many multiply-adds does one_hot × W take for one token?',
    kind: 'number', figure: 'gpt3Token.oneHotMacs', tolerance: 0,
    hint: 'one_hot (1, V) × W (V, d): each of the d outputs is a sum of V products.',
    explanation: 'V × d = {expected} multiply-adds, nearly all of them times 0, to produce one row of W.',
  },
  {
    id: 'cost-gpt3-lookup', section: 'cost', state: {},
    prompt: 'And the lookup W[id] for that one token: how many numbers does it copy?',
    kind: 'number', figure: 'gpt3Token.lookupCopies', tolerance: 0,
    hint: 'The lookup reads exactly one row.',
    explanation: 'd = {expected} numbers: the same result as the product, with no arithmetic at all.',
  },
  {
    id: 'text-word-ids', section: 'text', state: { sentence: 'to be or not to be', tokenizer: 'words' },
    prompt: 'Split into words and numbered in order of first appearance, what ids does “to be or not to be” become? Type all six.',
    kind: 'numbers', figure: 'ids', tolerance: 0,
    hint: 'The first new word gets 0, the next new word 1; a word seen before keeps its id.',
    explanation: 'The ids are {expected}: “to” and “be” come back with the ids they got the first time.',
  },
  {
    id: 'text-characters', section: 'text', state: { sentence: 'Hello world', tokenizer: 'characters', textWidth: 4 },
    prompt: 'By characters, with rows of d = 4 numbers, the sequence matrix of “Hello world” has shape (T, 4). What is T?',
    kind: 'number', figure: 'ids.length', tolerance: 0,
    hint: 'One row per token, and here every character is a token, the space too.',
    explanation: 'T = {expected}: one row per character, the space included. The same text by words has 2 rows.',
  },
  {
    id: 'unembedding-logit', section: 'unembedding', state: { h: [-0.5, 1.0] },
    prompt: 'h = [-0.5, 1.0] and C is the source’s table. What is the logit z of “a” (id 1), that is h · C[1]?',
    kind: 'number', figure: 'logits.1', tolerance: 0.005,
    hint: 'C[1] = [0.0, 0.3]: multiply entry by entry with h and add.',
    explanation: 'z = (-0.5)(0.0) + (1.0)(0.3) = {expected}. Each logit is one dot product of h with a row of the same table.',
  },
  {
    id: 'unembedding-top', section: 'unembedding', state: { h: [-0.5, 1.0], temperature: 1 },
    prompt: 'Same h = [-0.5, 1.0], T = 1. Which symbol gets the highest probability?',
    kind: 'symbol', figure: 'top.id',
    hint: 'Softmax keeps the order of the logits: find the row of C with the largest dot product with h.',
    explanation: '{expected}: its row points most nearly the way h does, so its logit, and its probability, is the largest.',
  },
  {
    id: 'unembedding-temperature', section: 'unembedding', state: {},
    prompt: 'On the page, set the temperature T so that the top symbol gets at least 90%. Then check.',
    kind: 'setting', figure: 'top.probability', atLeast: 0.9, format: 'percent',
    hint: 'A lower T sharpens the distribution, but the two largest logits are close (compare z in the line-up): it takes a very low T. Try the far left of the slider.',
    explanation: 'The top symbol now has {expected} of the probability. Dividing the logits by a small T stretches their differences, and at T = 0 softmax becomes argmax.',
  },
  {
    id: 'directions-dot', section: 'directions', state: { a: [2, 1], b: [-1, 2] },
    prompt: 'a = [2, 1] and b = [-1, 2]. What is a · b?',
    kind: 'number', figure: 'dot', tolerance: 0.005,
    hint: 'Multiply entry by entry, then add: 2 × (-1) + 1 × 2.',
    explanation: 'a · b = {expected}: they are perpendicular, and a direction says nothing about the other.',
  },
  {
    id: 'directions-angle', section: 'directions', state: { a: [2, 1], b: [1.5, 1.5] },
    prompt: 'a = [2, 1] and b = [1.5, 1.5]. What is the angle between them, in degrees (one decimal)?',
    kind: 'number', figure: 'angle', tolerance: 0.06, decimals: 1,
    hint: 'cos θ = a · b / (|a| |b|); then θ = arccos of that.',
    explanation: 'θ = {expected}°: cos θ is the dot product of the two vectors scaled to length 1.',
  },
  {
    id: 'directions-analogy', section: 'directions', state: { analogy: { a: 6, b: 4, c: 1 } },
    prompt: 'In the hand-made table, which word does kings − men + woman land on?',
    kind: 'symbol', figure: 'analogy.id',
    hint: 'Take the columns: kings − men keeps royal and drops person; adding woman adds person and female.',
    explanation: '{expected}: the plural column of kings is cancelled by men, and woman brings female.',
  },
  {
    id: 'training-uniform', section: 'training', live: true, query: {},
    prompt: 'The names have 27 symbols (a to z, and . for the end). Predict: before any training, what loss does a model have that gives every symbol the same probability? Then press Train, and check (two decimals).',
    kind: 'number', figure: 'uniform', tolerance: 0.005,
    hint: 'The loss of one example is minus the log of the probability given to the right symbol, and each gets 1/27.',
    explanation: '−ln(1/27) = ln 27 = {expected} nats: the loss to beat. A model that learned nothing scores this on every example.',
  },
  {
    id: 'training-dev', section: 'training', live: true, query: {},
    prompt: 'Train until the dev loss is below 2.5. Then check.',
    kind: 'setting', figure: 'dev', atMost: 2.5,
    hint: 'Press Train and let the run finish; if the dev loss stays high, train more steps (the lecture lowers the learning rate halfway).',
    explanation: 'The dev loss is {expected}, well under the uniform guess’s ln V (the line the chart starts from): the model now guesses the next letter of names it never saw far better than chance.',
  },
  {
    id: 'training-next', section: 'training', live: true, query: { context: 'em' },
    prompt: 'After training on the names, which letter does the model find most likely after “em”? Predict, then check.',
    kind: 'symbol', figure: 'next.top',
    hint: 'Think of names that start with “em”, and what comes third in most of them.',
    explanation: 'The model gives {expected} the largest probability after “em”: learned from the names it read, not from any rule.',
  },
  {
    id: 'learned-nearest', section: 'learned', live: true, query: { word: 'cat' },
    prompt: 'On the tiny corpus, predict: once the vectors have learned, which word will be nearest to “cat”? Press “Learn the vectors”, then check.',
    kind: 'symbol', figure: 'nearest',
    hint: 'Look at the sentences: which word appears in the same places as cat (after feed, after pet, before sleeps)?',
    explanation: '{expected}: nobody told the model; the gradient pulled together the vectors of words that share contexts.',
  },
  {
    id: 'learned-together', section: 'learned', live: true, query: { pair: ['cat', 'dog'] },
    prompt: 'Learn on the tiny corpus until cos(cat, dog) is above 0.5. Then check.',
    kind: 'setting', figure: 'cosine', atLeast: 0.5,
    hint: 'Press “Learn the vectors” and let it run to the end; the chart shows cos(cat, dog) rising from its random start.',
    explanation: 'cos(cat, dog) = {expected}: from random vectors to nearly the same direction, because feed, pet and sleeps surround both.',
  },
  {
    id: 'learned-apart', section: 'learned', live: true, query: { pair: ['cat', 'car'] },
    prompt: 'Under “Why no duplicates?”, start cat and car with equal vectors (cosine 1.000) and learn. Check when training has pushed their cosine below 0.9.',
    kind: 'setting', figure: 'cosine', atMost: 0.9,
    hint: 'Write cat and car in the two fields and press the button: that run watches the pair cat, car.',
    explanation: 'cos(cat, car) = {expected}: their contexts differ (feed the cat, park the car), so the gradient sent the two copies different ways.',
  },
];
