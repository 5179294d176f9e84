// The core's memory, seen from JavaScript (the other side of cpp/wasm/handles.hpp): objects
// known by handle and freed by scope(), text and ids copied into WASM memory for one call, and
// what a call hands back (a status, a handle, a number through an output pointer, text, JSON).
// Every allocation is checked: a block that does not fit, or that _malloc cannot give, is a
// CoreError, never a write to address 0.
import { CoreError, ints, text as checkText } from './check.js';

const maxBytes = 2 ** 31;  // a WASM32 module holds at most 2 GiB (Emscripten's default limit)

/** An object that lives in the core, known here by its handle; free() releases it. */
export class CoreObject {
  constructor(core, handle, freeFunction) {
    this.core = core;
    this.handle = handle;
    this.freeFunction = freeFunction;
  }
  free() {
    this.core.check(this.core.module[this.freeFunction](this.handle));
  }
}

export class Memory {
  constructor(module) {
    this.module = module;
    this.scopes = [];
  }

  /** Runs fn and frees every object it made, except the one it returns. */
  scope(fn) {
    const made = [];
    this.scopes.push(made);
    let result;
    try {
      result = fn();
    } finally {
      this.scopes.pop();
      for (const object of made) if (object !== result) object.free();
      if (result && this.scopes.length > 0 && made.includes(result)) this.track(result);
    }
    return result;
  }
  /** Registers a new object with the innermost scope, if any. */
  track(object) {
    if (this.scopes.length > 0) this.scopes[this.scopes.length - 1].push(object);
    return object;
  }

  /** Runs fn(pointer) with a block of `bytes` bytes of WASM memory (`what` names it in errors), then frees it. */
  withBytes(bytes, what, fn) {
    if (bytes >= maxBytes) throw new CoreError(`${what} needs ${bytes.toLocaleString('en-US')} bytes: more than the core's memory holds`);
    const pointer = this.module._malloc(Math.max(bytes, 1));
    if (pointer === 0) throw new CoreError(`${what} needs ${bytes.toLocaleString('en-US')} bytes, which the core's memory cannot give now`);
    try {
      return fn(pointer);
    } finally {
      this.module._free(pointer);
    }
  }
  /** Copies text (a string, or UTF-8 bytes as a Uint8Array, unchecked) into WASM memory, NUL-terminated, for fn(pointer, byteLength). */
  withText(text, fn, name = 'text') {
    const value = checkText(name, text);
    const bytes = value instanceof Uint8Array ? value : new TextEncoder().encode(value);
    return this.withBytes(bytes.length + 1, name, (pointer) => {
      this.module.HEAPU8.set(bytes, pointer);
      this.module.HEAPU8[pointer + bytes.length] = 0;
      return fn(pointer, bytes.length);
    });
  }
  /** Copies whole numbers (int32) into WASM memory for fn(pointer, count). */
  withInts(values, fn, name = 'ids') {
    const array = ints(name, values);
    return this.withBytes(array.length * 4, name, (pointer) => {
      this.module.HEAP32.set(array, pointer >> 2);
      return fn(pointer, array.length);
    });
  }
  /** Calls call(pointer) with room for one number, checks its status, and returns the number as `heap` (HEAPF32, HEAP32, HEAPU32) reads it. */
  out(heap, call) {
    return this.withBytes(8, 'a result', (pointer) => {
      this.check(call(pointer));
      return this.module[heap][pointer >> 2];
    });
  }

  /** Throws the core's last error if status is not 0. */
  check(status) {
    if (status !== 0) this.throwLastError();
  }
  throwLastError() {
    throw new CoreError(this.module.UTF8ToString(this.module._el_last_error()));
  }
  /** handle, or the core's last error if it is 0. */
  handleOrThrow(handle) {
    if (handle === 0) this.throwLastError();
    return handle;
  }
  /** A count a C function returned, or the core's last error if it is -1. */
  count(value) {
    if (value < 0) this.throwLastError();
    return value;
  }
  /** The text at pointer (kept by the core until its next call that returns text), or the core's last error if it is null. */
  text(pointer) {
    if (pointer === 0) this.throwLastError();
    return this.module.UTF8ToString(pointer);
  }
  /** The JSON at pointer, parsed, or the core's last error if it is null. */
  json(pointer) {
    return JSON.parse(this.text(pointer));
  }
}
