// The page's side of the training worker. The worker is started from its own file
// (training-worker.js, beside embedding-lab.js), or, where a page cannot start a worker from a
// file (opened from file://, or the lab's files on another origin than the page), from a Blob
// of the same code bundled in here. The WASM bytes are handed over, not fetched.
import workerSource from 'embedlab-training-worker';
import wasmBinary from 'embedlab-wasm-binary';
import { siteBase } from '../embed_code.js';

function fromFile() {
  if (location.protocol === 'file:' || !siteBase) throw new Error('no file worker here');
  return new Worker(`${siteBase}training-worker.js`);
}

function fromBlob() {
  return new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
}

/** Starts a training worker; onMessage(answer) receives its answers. Returns { send, stop }. */
export function startTrainingWorker(onMessage) {
  let worker, ready = false;
  const queue = [];
  const start = (make) => {
    worker = make();
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        ready = true;
        queue.splice(0).forEach((message) => worker.postMessage(message));
      }
      onMessage(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (!ready && make === fromFile) start(fromBlob);  // the file could not be loaded: try the Blob
      else onMessage({ type: 'error', message: `the training worker failed: ${event.message ?? 'unknown error'}` });
    };
    worker.postMessage({ type: 'start', wasmBinary: wasmBinary.slice().buffer });
  };
  try {
    start(fromFile);
  } catch {
    start(fromBlob);
  }
  return {
    send(message) {
      if (ready) worker.postMessage(message);
      else queue.push(message);
    },
    stop() {
      worker.terminate();
    },
  };
}
