#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine with Node 20: installs what e2e needs (Debian's chromium,
# a Japanese font for readable screenshots, llama-server built from npm sources) when missing, then lint,
# typecheck, unit, build and e2e.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi -e ipa -e noto.*cjk || need+=(fonts-ipafont-gothic)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (Debian) for the e2e tests"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
# A real llama-server for the tests that generate with the tiny model: built once from the llama.cpp source
# node-llama-cpp ships on npm (several minutes), then cached outside the clone.
bash scripts/llama-server.sh build >/dev/null
# The Label Studio editor from npm, for the test that loads the app's export into it.
LABEL_STUDIO_FRONTEND="$(bash scripts/label-studio-frontend.sh)"
export LABEL_STUDIO_FRONTEND
rm -rf test-results
status=0
npm test || status=$?
node scripts/test-summary.mjs || true
exit $status
