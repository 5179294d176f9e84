export * from './core/core.js';  // moved to web/src/core/core.js: this path stays until element.js imports the new one
