export * from './core/training.js';  // moved to web/src/core/training.js: this path stays until lab.js and training/worker.js import the new one
