#!/usr/bin/env bash
# Sets up what is missing, builds everything and runs every test: the native unit tests, the
# same tests under AddressSanitizer + UndefinedBehaviorSanitizer, the WASM core under Node, and
# the built page in headless Chromium. Stops at the first failure.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
install_dependencies

for preset in native sanitize; do
  step "unit tests ($preset build)"
  [[ -f build/$preset/CMakeCache.txt ]] || cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
  if [[ $preset == sanitize ]]; then
    # The one test labelled "corpus" trains the word model on WordNet with default settings: about 21 s
    # of CPU natively (run above), far longer in this unoptimised build.
    echo "leaving out the tests labelled \"corpus\" under the sanitizers (the native run above ran them)"
    ctest --preset "$preset" -j "$(nproc)" --label-exclude corpus
  else
    ctest --preset "$preset" -j "$(nproc)"
  fi
done

build_site

step "WASM core and the page's settings under Node"
node --test tests/node/ tests/web/

step "the page in headless Chromium"
node --test tests/browser/

step "what the first view costs (figures, not a test)"
node scripts/measure-site.mjs

step "all tests passed"
