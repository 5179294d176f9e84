# Steps the two commands share (sourced by scripts/serve.sh and scripts/test.sh).
# Each step is idempotent and quick when there is nothing to do.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian's emcc needs Node to find its JavaScript tools (acorn) here.
export NODE_PATH=/usr/share/nodejs

step() { printf '\n== %s\n' "$*"; }

# Stops with one line before anything is built when node is older than the major version given
# (package.json's "engines" says the same; Debian 12's own nodejs is 18, too old for playwright-core).
require_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if ((major < $1)); then
    echo "Embedding Lab needs Node.js $1 or later; this machine has $(node --version). Install a newer Node.js, then run this again." >&2
    exit 1
  fi
}

# Installs the Debian packages that are missing (apt-get runs only if one is), with any extra
# packages named as arguments, then the npm packages of package-lock.json (npm ci runs only when
# the lock file changed).
install_dependencies() {
  local packages=(cmake make g++ emscripten libeigen3-dev doctest-dev libutfcpp-dev nlohmann-json3-dev libcli11-dev chromium fonts-dejavu-core wordnet-base "$@")
  command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
  local missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if ((${#missing[@]})); then
    step "installing Debian packages: ${missing[*]}"
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  require_node 20
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    step "installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

# The core as WebAssembly (build/wasm/embedlab_core.cjs), then the static site (build/site/).
build_site() {
  step "building the WebAssembly core"
  [[ -f build/wasm/CMakeCache.txt ]] || emcmake cmake --preset wasm >/dev/null
  cmake --build --preset wasm -j "$(nproc)"
  step "building the site"
  node web/build.mjs
}
