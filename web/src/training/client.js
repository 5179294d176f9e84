// The page's side of the training worker. The worker is started from its own file
// (training-worker.js, beside embedding-lab.js), or, where a page cannot start a worker from a
// file (opened from file://, or the lab's files on another origin than the page), from a Blob
// of the same code bundled in here. The WASM bytes are handed over (core/wasm_bytes.js), not fetched.
//
// A worker whose core died (an Aborted() or a trap, which the worker reports as `died`) or that
// threw an error it did not catch is in a state nobody knows: it is ended and a fresh one starts,
// and the page hears `died` with what happened. The fresh worker has no model.
import workerSource from 'embedlab-training-worker';
import { siteBase } from '../site_base.js';
import { wasmBytes } from '../core/wasm_bytes.js';
import { answer, command } from './protocol.js';

function fromFile() {
  if (location.protocol === 'file:' || !siteBase) throw new Error('no file worker here');
  return new Worker(`${siteBase}training-worker.js`);
}

function fromBlob() {
  return new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
}

/** Starts a training worker; onMessage(answer) receives its answers. Returns { send }. */
export function startTrainingWorker(onMessage) {
  let worker, ready = false, make = fromFile;
  const queue = [];
  const restart = (message) => {
    worker.terminate();
    onMessage({ type: answer.died, message });
    start(make);
  };
  const start = (maker) => {
    make = maker;
    ready = false;
    worker = make();
    worker.onmessage = ({ data }) => {
      if (data.type === answer.ready) {
        ready = true;
        queue.splice(0).forEach((message) => worker.postMessage(message));
      }
      if (data.type === answer.died) restart(data.message);
      else onMessage(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (!ready && make === fromFile) start(fromBlob);  // the file could not be loaded: try the Blob
      else if (!ready) onMessage({ type: answer.error, command: command.start, message: `the training worker did not start: ${event.message ?? 'unknown error'}` });
      else restart(event.message ?? 'an unknown error');
    };
    const started = worker;  // the page's core already holds the bytes: this resolves at once
    wasmBytes().then((bytes) => started.postMessage({ type: command.start, wasmBinary: bytes.slice().buffer }));
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
  };
}
