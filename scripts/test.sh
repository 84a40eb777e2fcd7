#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (`npm test`): static checks, build, unit and
# integration tests (real keychain, real files), end-to-end tests in Debian Chromium, and the
# Electron smoke suite (which skips loudly where no Electron binary is installed).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

step 'typecheck'; npm run --silent typecheck
step 'lint'; npm run --silent lint
step 'format'; npm run --silent format:check
step 'build'; npm run --silent build
step 'unit + integration + end-to-end + electron smoke (real Secret Service)'
scripts/with-secret-service.sh bash -c '
  set -euo pipefail
  npx vitest run
  npx playwright test -c test/e2e/playwright.config.ts
  # The Electron suite needs a display where an Electron binary exists; it skips loudly otherwise.
  if command -v xvfb-run >/dev/null; then
    xvfb-run -a npx playwright test -c test/electron/playwright.config.ts
  else
    npx playwright test -c test/electron/playwright.config.ts
  fi
'
