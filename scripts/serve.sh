#!/usr/bin/env bash
# Sets up what is missing, builds the site and serves it at http://127.0.0.1:8000.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
install_dependencies
build_site
step "serving build/site/"
exec node scripts/serve.mjs
