#!/usr/bin/env bash
# The benchmark (scripts/benchmark.mjs; not part of the tests): installs what only it needs, the
# Debian packages of PyTorch and of the two BLAS libraries it is timed on, then runs it.
#   bash scripts/benchmark.sh [--steps 20000] [--word-steps 100]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
install_dependencies python3-torch libopenblas0-pthread libblas3
[[ -x build/native/cpp/cli/embedlab_bench && -f build/site/training-worker.js ]] || {
  echo "benchmark: build first with bash scripts/test.sh" >&2
  exit 1
}
exec node scripts/benchmark.mjs "$@"
