// The core's default training settings and its limits, for code that needs them before a
// module runs (the page reads its settings while the module starts). The module itself wrote
// them when it was built: build/wasm/embedlab_limits.json is what el_limits() returns
// (cpp/wasm/write_limits.mjs), and a test checks that a running module still agrees.
import limits from '../../../build/wasm/embedlab_limits.json' with { type: 'json' };

export { limits };
