#!/usr/bin/env bash
# Builds MLC (WebLLM) weights for GIELLM-13B from its Hugging Face checkpoint, then checks the folder.
# Needs Python with mlc-llm (https://llm.mlc.ai/docs/install/mlc_llm) and ~30 GB of disk; a GPU is not needed
# for conversion. GIELLM-13B is a LLaMA-2-13B fine-tune: at q4f16_1 with a 1024-token prefill chunk it
# reuses WebLLM's prebuilt Llama-2-13b library, so no compile step is needed.
#
#   scripts/build-giellm-mlc.sh /path/to/GIELLM-13b [out-dir]
#
# The output folder is served as /models/GIELLM-13B-q4f16_1-MLC/resolve/main/ (see README: Serving models).
set -euo pipefail
src=${1:?usage: build-giellm-mlc.sh HF_CHECKPOINT_DIR [OUT_DIR]}
out=${2:-public/models/GIELLM-13B-q4f16_1-MLC/resolve/main}
command -v mlc_llm >/dev/null || { echo "mlc_llm not found: pip install mlc-llm (see its install guide)" >&2; exit 2; }
mkdir -p "$out"

mlc_llm convert_weight "$src" --quantization q4f16_1 -o "$out"
# The "LM" template gives BOS + the raw prompt with no roles, as the model card prompts the model.
mlc_llm gen_config "$src" --quantization q4f16_1 --conv-template LM --prefill-chunk-size 1024 --context-window-size 4096 -o "$out"

# The GPT-2 (llm-jp) variant needs its own library instead:
#   mlc_llm gen_config … --conv-template LM …   (then set BOS/EOS to 7 in mlc-chat-config.json)
#   mlc_llm compile "$out/mlc-chat-config.json" --device webgpu -o "$out/GIELLM-13B-jpllm-q4f16_1-webgpu.wasm"
#   (needs emscripten and mlc-llm built from source)

npx giellm model check "$out" --mode giellm
