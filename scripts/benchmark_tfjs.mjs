// How long one SGD step of the lecture's model takes in TensorFlow.js with its WASM backend
// (npm @tensorflow/tfjs and @tensorflow/tfjs-backend-wasm, devDependencies), under Node, one
// thread: the model of scripts/benchmark_torch.py written with tfjs ops. The lookup C[x] is the
// one-hot rows of x times C (batch*B, V) (V, d): the wasm backend has no gradient for tf.gather
// (its UnsortedSegmentSum kernel is missing). scripts/benchmark.mjs
// imports timeTfjsWasm(); the numbers it times are tfjs's own, not the core's.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

const CONTEXT = 3, EMBED = 10, HIDDEN = 200, BATCH = 32, LR = 0.1;

/** (context, next symbol) pairs of every word, '.' (id 0) the boundary, as in the lecture. */
function dataset(words) {
  const symbols = ['.', ...[...new Set(words.join(''))].sort()];
  const id = new Map(symbols.map((s, i) => [s, i]));
  const xs = [], ys = [];
  for (const word of words) {
    let context = Array(CONTEXT).fill(0);
    for (const symbol of [...word, '.']) {
      xs.push(...context);
      ys.push(id.get(symbol));
      context = [...context.slice(1), id.get(symbol)];
    }
  }
  return { xs: Int32Array.from(xs), ys: Int32Array.from(ys), vocab: symbols.length };
}

/** { ms, vocab, version, threads }: ms per step over `steps` steps after `warmup` steps. */
export async function timeTfjsWasm(text, steps, warmup) {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);  // one thread, like the other runtimes
  await tf.setBackend('wasm');
  await tf.ready();
  const { xs, ys, vocab } = dataset(text.split('\n').filter(Boolean));
  const examples = ys.length;
  // C (V, d), W1 (B*d, H), b1 (H), W2 (H, V), b2 (V): the standard normal, as the lecture's init
  const [C, W1, b1, W2, b2] = [[vocab, EMBED], [CONTEXT * EMBED, HIDDEN], [HIDDEN], [HIDDEN, vocab], [vocab]]
    .map((shape, i) => tf.variable(tf.randomNormal(shape, 0, 1, 'float32', i + 1)));
  const optimizer = tf.train.sgd(LR);
  const batchX = new Int32Array(BATCH * CONTEXT), batchY = new Int32Array(BATCH);
  const step = () => {
    for (let i = 0; i < BATCH; i++) {
      const n = Math.floor(Math.random() * examples);
      batchX.set(xs.subarray(n * CONTEXT, n * CONTEXT + CONTEXT), i * CONTEXT);
      batchY[i] = ys[n];
    }
    tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d(batchX, 'int32'), vocab), y = tf.oneHot(tf.tensor1d(batchY, 'int32'), vocab);
      optimizer.minimize(() => {
        const emb = x.matMul(C).reshape([BATCH, CONTEXT * EMBED]);       // (batch, B*d)
        const h = tf.tanh(emb.matMul(W1).add(b1));                       // (batch, H)
        const logits = h.matMul(W2).add(b2);                              // (batch, V)
        return tf.losses.softmaxCrossEntropy(y, logits);
      });
    });
  };
  for (let i = 0; i < warmup; i++) step();
  const start = performance.now();
  for (let i = 0; i < steps; i++) step();
  await C.data();  // every step has finished
  const ms = (performance.now() - start) / steps;
  const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? 'threads' : '1 thread';
  tf.dispose([C, W1, b1, W2, b2]);
  return { ms, vocab, version: tf.version_core, threads, simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') };
}
