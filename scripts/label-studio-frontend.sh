#!/usr/bin/env bash
# The Label Studio frontend editor (label-studio-frontend, Apache-2.0), as published on npm, for the e2e
# test that loads the app's Label Studio export into the real editor (e2e/labelStudio.spec.ts).
#   scripts/label-studio-frontend.sh        fetch it (once; cached outside the clone) and print its build dir
# Only its prebuilt bundle is needed, so the tarball is fetched with `npm pack` (integrity-checked against
# the registry) instead of installing the package with its build-time dependency tree.
# 1.8.0, the newest on npm, was published without its build/ directory: 1.4.0 is the newest with one.
set -euo pipefail
VERSION=1.4.0
SHA512='sha512-NczF2gDF/Whq7+xI3tYZLrAk8Pq6hacXhYEDmWfHAQIZ0eiieyrMxxHz4KIU7wnagComaGv+QJ2Zc6SBcBmuCg=='
CACHE="${GIELLM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/giellm}/label-studio-frontend-$VERSION"
if [ ! -f "$CACHE/build/static/js/main.js" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "@heartexlabs/label-studio@$VERSION" >/dev/null)
  got=$(node -e 'process.stdout.write("sha512-" + require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$work/heartexlabs-label-studio-$VERSION.tgz")
  if [ "$got" != "$SHA512" ]; then
    echo "label-studio-frontend: the tarball's digest $got is not the pinned $SHA512" >&2
    exit 1
  fi
  mkdir -p "$CACHE"
  tar -xzf "$work"/heartexlabs-label-studio-$VERSION.tgz -C "$CACHE" --strip-components=1 package/build
fi
echo "$CACHE/build"
