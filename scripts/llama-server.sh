#!/usr/bin/env bash
# One entry point for people and tests to a real llama.cpp server:
#   scripts/llama-server.sh build                      build it (once; cached outside the clone), with
#                                                      llama-gguf-split beside it (the tests split the tiny model)
#   scripts/llama-server.sh PORT MODEL.gguf [THREADS] [more llama-server flags…]
#                                                      build it when missing, start it on 127.0.0.1:PORT,
#                                                      wait for /health, print its PID (log: $LLAMA_LOG);
#                                                      with LLAMA_FOREGROUND=1 it runs in the foreground
# The source is the llama.cpp that the node-llama-cpp npm package ships (package/llama/gitRelease.bundle),
# since npm is the one registry these machines reach. Use THREADS=1 when a browser runs beside it on 2 cores.
set -euo pipefail

VERSION=3.21.1
CACHE="${GIELLM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/giellm}/llama-server-node-llama-cpp-$VERSION"
BIN="$CACHE/llama-server"
SPLIT="$CACHE/llama-gguf-split"

build() {
  [ -x "$BIN" ] && [ -x "$SPLIT" ] && return 0
  local missing=()
  for tool in cmake g++ git; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    local pkgs=()
    for tool in "${missing[@]}"; do case "$tool" in g++) pkgs+=(g++ make) ;; *) pkgs+=("$tool") ;; esac; done
    echo "llama-server: installing ${pkgs[*]} (apt-get)" >&2
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq >&2 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >&2
  fi
  local work; work="$(mktemp -d)"
  echo "llama-server: building llama.cpp from node-llama-cpp@$VERSION in $work (several minutes)" >&2
  (cd "$work" && npm pack "node-llama-cpp@$VERSION" --silent >/dev/null && tar -xzf "node-llama-cpp-$VERSION.tgz" package/llama/gitRelease.bundle && git clone -q package/llama/gitRelease.bundle src) >&2
  cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_OPENSSL=OFF \
    -DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_CURL=OFF >"$work/cmake.log" 2>&1 || { tail -30 "$work/cmake.log" >&2; exit 1; }
  cmake --build "$work/build" --target llama-server llama-gguf-split -j "${JOBS:-$(nproc)}" >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
  mkdir -p "$CACHE"
  cp "$work/build/bin/llama-server" "$work/build/bin/llama-gguf-split" "$CACHE/"
  find "$work/build/bin" -name '*.so*' -exec cp -a {} "$CACHE/" \;
  rm -rf "$work"
  echo "llama-server: cached in $CACHE" >&2
}

if [ "${1:-}" = build ]; then build; echo "$BIN"; exit 0; fi
# scripts/llama-server.sh split MODEL.gguf OUT_PREFIX MAX_TENSORS: llama.cpp's own gguf-split, as users split models.
if [ "${1:-}" = split ]; then build; LD_LIBRARY_PATH="$CACHE${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$SPLIT" --split --split-max-tensors "$4" "$2" "$3"; fi
if [ $# -lt 2 ]; then sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; fi
PORT="$1"; MODEL="$2"; THREADS="${3:-1}"; shift $(( $# >= 3 ? 3 : 2 ))
[ -f "$MODEL" ] || { echo "llama-server: no model file $MODEL" >&2; exit 2; }
build
LOG="${LLAMA_LOG:-${TMPDIR:-/tmp}/llama-server-$PORT.log}"
# -c 4096 over 4 slots gives each parallel request the tiny model's 1,024-token context.
if [ -n "${LLAMA_FOREGROUND:-}" ]; then
  LD_LIBRARY_PATH="$CACHE${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$BIN" -m "$MODEL" --host 127.0.0.1 --port "$PORT" -t "$THREADS" -c 4096 -np 4 --no-webui "$@"
fi
LD_LIBRARY_PATH="$CACHE${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" nohup "$BIN" -m "$MODEL" --host 127.0.0.1 --port "$PORT" -t "$THREADS" -c 4096 -np 4 --no-webui "$@" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  if ! kill -0 "$PID" 2>/dev/null; then echo "llama-server exited; the end of $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; fi
  if node -e "fetch('http://127.0.0.1:$PORT/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; then echo "$PID"; exit 0; fi
  sleep 0.2
done
echo "llama-server did not answer /health within 60 s (log: $LOG)" >&2
kill "$PID" 2>/dev/null || true
exit 1
