// Writes <build folder>/embedlab_limits.json: what el_limits() of the freshly built module
// returns, the core's default settings and limits. Run by CMake after each link of the module.
//   node cpp/wasm/write_limits.mjs build/wasm
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const folder = resolve(process.argv[2]);
const createModule = createRequire(import.meta.url)(join(folder, 'embedlab_core.cjs'));
const module = await createModule({ wasmBinary: readFileSync(join(folder, 'embedlab_core.wasm')) });
const limits = JSON.parse(module.UTF8ToString(module._el_limits()));
writeFileSync(join(folder, 'embedlab_limits.json'), `${JSON.stringify(limits, null, 2)}\n`);
