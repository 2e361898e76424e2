#!/usr/bin/env bash
# Builds MLC (WebLLM) weights for a GIELLM checkpoint into the folders the catalog (src/models/catalog.ts)
# points at, then checks them (`giellm model check`). Both variants are 13B models; a GPU is not needed.
#
#   scripts/build-giellm-mlc.sh llama HF_CHECKPOINT_DIR [PUBLIC_DIR]   # ganchengguang/GIELLM-13b (LLaMA-2)
#   scripts/build-giellm-mlc.sh jpllm HF_CHECKPOINT_DIR [PUBLIC_DIR]   # ganchengguang/GIELLM-13B-jpllm (GPT-2, llm-jp)
#
# Writes PUBLIC_DIR/models/<id>/resolve/main/ (weights, mlc-chat-config.json, tokenizer), which the catalog's
# weightsUrl /models/<id> names (WebLLM appends resolve/main/); for jpllm also the model library beside it,
# PUBLIC_DIR/models/<id>/<id without -MLC>-webgpu.wasm, the catalog's libUrl. PUBLIC_DIR defaults to public/.
#
# Needs (README: Building and serving GIELLM weights):
# - mlc_llm (https://llm.mlc.ai/docs/install/mlc_llm) on a TVM of the generation web-llm 0.2.86 runs: its
#   libraries are v0_2_86/base, built for the TVM web runtime it ships (@mlc-ai/web-runtime 0.28.0-dev0).
#   A library from another TVM fails to load ("Cannot find global function"). The script checks.
# - disk: the checkpoint (13B parameters: ~26 GB in float16, ~52 GB in float32, as GIELLM-13B-jpllm is
#   published) plus ~8 GB of output; convert_weight reads it shard by shard (RAM: ~16 GB is comfortable).
# - jpllm only: emscripten (emcc) for `mlc_llm compile`, since WebLLM has no prebuilt GPT-2 library.
#
# Both get prefill chunk 1024: the prebuilt Llama-2-13b library is compiled for it (…_cs1k-webgpu.wasm), and
# mlc_llm compile takes the chunk from mlc-chat-config.json, so jpllm's library is built for the same.
set -euo pipefail
variant=${1:-}
src=${2:-}
public=${3:-public}
usage() { echo "usage: build-giellm-mlc.sh llama|jpllm HF_CHECKPOINT_DIR [PUBLIC_DIR]" >&2; exit 2; }
case "$variant" in
  llama) id=GIELLM-13B-q4f16_1-MLC ;;
  jpllm) id=GIELLM-13B-jpllm-q4f16_1-MLC ;;
  *) usage ;;
esac
[ -n "$src" ] || usage
[ -d "$src" ] || { echo "no checkpoint folder: $src" >&2; exit 2; }
root="$public/models/$id"
out="$root/resolve/main"
lib="$root/${id%-MLC}-webgpu.wasm"

command -v mlc_llm >/dev/null || { echo "mlc_llm not found: install mlc-llm (https://llm.mlc.ai/docs/install/mlc_llm)" >&2; exit 2; }

# The TVM generation: the web runtime web-llm bundles (a devDependency, built into its lib), against mlc_llm's TVM.
here=$(cd "$(dirname "$0")/.." && pwd)
want=$(node -e 'const p=require(process.argv[1]); console.log(p.devDependencies["@mlc-ai/web-runtime"].replace(/^[^0-9]*/, ""))' "$here/node_modules/@mlc-ai/web-llm/package.json")
have=$(python3 -c 'import tvm; print(tvm.__version__)' 2>/dev/null || echo unknown)
if [ "${have%.*}" != "$(echo "$want" | cut -d. -f1-2)" ] && [ "${GIELLM_ANY_TVM:-}" != 1 ]; then
  echo "mlc_llm runs on TVM $have; web-llm $(node -p 'require(process.argv[1]).version' "$here/node_modules/@mlc-ai/web-llm/package.json") runs libraries of TVM $want." >&2
  echo "Install the mlc-llm build of that generation, or set GIELLM_ANY_TVM=1 to go on anyway." >&2
  exit 2
fi

# Disk: the checkpoint's size again plus 8 GB, where the output goes.
mkdir -p "$out"
need_kb=$(( $(du -sk "$src" | cut -f1) + 8 * 1024 * 1024 ))
free_kb=$(df -Pk "$out" | awk 'NR == 2 { print $4 }')
if [ "$free_kb" -lt "$need_kb" ]; then
  echo "not enough disk at $out: $((free_kb / 1024 / 1024)) GB free, about $((need_kb / 1024 / 1024)) GB needed" >&2
  exit 2
fi
if [ "$variant" = jpllm ]; then command -v emcc >/dev/null || { echo "emcc not found: jpllm needs emscripten to compile its library (https://llm.mlc.ai/docs/install/emcc)" >&2; exit 2; }; fi

# How the model card's plain `generate(max_new_tokens=…)` decoded depends on this file, which these machines could
# not read: transformers samples when it says do_sample true (Llama-2's own says so, temperature 0.6, top_p 0.9).
# The app decodes greedy either way (deterministic); this says which the authors' outputs came from.
if [ -f "$src/generation_config.json" ]; then
  node -e '
    const g = require(process.argv[1]);
    const s = g.do_sample === true;
    console.log(`generation_config.json: do_sample ${g.do_sample ?? "(unset: false)"}${s ? `, temperature ${g.temperature ?? 1}, top_p ${g.top_p ?? 1}, top_k ${g.top_k ?? 50}` : ""}: the model card’s generate ${s ? "SAMPLED; the app decodes greedy, so its outputs may differ from the authors’ in ties and near-ties" : "was greedy, as the app is"}`);
  ' "$(cd "$src" && pwd)/generation_config.json"
else
  echo "no generation_config.json in $src: transformers' defaults (greedy) applied to the model card's generate"
fi

mlc_llm convert_weight "$src" --quantization q4f16_1 -o "$out"
# The LM template: the raw prompt, no roles, as the model card prompts the model. BOS and EOS come from the
# catalog's record at run time (LLaMA-2: BOS 1, EOS 2; llm-jp: no BOS, EOS 7), whatever gen_config writes here.
mlc_llm gen_config "$src" --quantization q4f16_1 --conv-template LM --prefill-chunk-size 1024 --context-window-size 2048 -o "$out"
if [ "$variant" = jpllm ]; then
  mlc_llm compile "$out/mlc-chat-config.json" --device webgpu -o "$lib"
fi

npx giellm model check "$out" --mode giellm
if [ "$variant" = jpllm ]; then echo "built $id: weights in $out, library $lib"; else echo "built $id: weights in $out (library: WebLLM's prebuilt Llama-2-13b q4f16_1)"; fi
