#!/usr/bin/env bash
# Type-checks the page's JavaScript (www/) from its JSDoc types with TypeScript (strict, nothing
# emitted): the page and its lazy chunks with the DOM (www/tsconfig.json), the workers and the
# Service Worker with the worker globals (www/tsconfig.worker.json). Needs the npm packages
# (scripts/ensure-tools.sh); not the built wasm (www/types/engine.d.ts describes it).
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/tsc -p www/tsconfig.json
node_modules/.bin/tsc -p www/tsconfig.worker.json
