/**
 * Japanese for the core's messages, by code (`EngineFailure.code ?? kind`, `CapabilityIssue.code`). The
 * English stays with the core, where the CLI and the embed API read it; the UI falls back to it.
 */
export const coreJa = {
  capability: {
    'no-webgpu': 'このブラウザにはWebGPUがありません。デスクトップの最近のChromeかEdge（113以降）、またはSafari 26以降を使ってください。Firefoxでは dom.webgpu.enabled を有効にしてください。',
    'no-adapter': 'WebGPUはありますが、GPUアダプタが見つかりません。GPUドライバを更新するか、ブラウザの設定でハードウェアアクセラレーションを有効にしてください。',
    'shader-f16': 'このGPUは {{quantization}} に必要な16ビットシェーダ（shader-f16）に対応していません。q4f32のモデルを選んでください。',
    storage: 'ダウンロードには約{{need}}の保存領域が必要ですが、このサイトに使えるのは{{free}}だけです。空きを作るか、小さいモデルを選んでください。',
  },
  failure: {
    'no-webgpu': { message: 'このブラウザにはWebGPUがありません。', nextStep: 'デスクトップの最近のChromeかEdge（113以降）、またはSafari 26以降を使ってください。' },
    'no-adapter': { message: '使えるGPUアダプタが見つかりません。', nextStep: 'GPUドライバを更新するか、ハードウェアアクセラレーションを有効にして再読み込みしてください。' },
    'shader-f16': { message: 'このGPUは16ビットシェーダ（shader-f16）に対応していません。', nextStep: 'q4f32のモデルを選んでください。' },
    'device-lost': { message: 'GPUデバイスが失われました。多くはモデルがGPUメモリに収まらなかったためです。', nextStep: '小さいモデルを選び、GPUを多く使う他のタブを閉じてから、もう一度読み込んでください（エンジンは再起動します）。' },
    quota: { message: 'ブラウザがこのサイトのデータをこれ以上保存できません（保存容量の上限）。', nextStep: 'モデル欄でキャッシュ済みのモデルを削除するか、プライベートブラウズをやめるか、ディスクに空きを作ってください。' },
    'context-window': { message: '入力がモデルのコンテキスト長を超えています。', nextStep: 'テキストを短くするか、文に分けてください。' },
    'not-found': { message: 'モデルのファイルがサーバにありません（404）。', nextStep: 'このモデルの重みとライブラリのURLを確認してください。' },
    'bad-file': { message: 'サーバがモデルのファイルの代わりにWebページを返しました（SPAのフォールバックやログインページ）。', nextStep: 'モデルのURLと、存在しないファイルにサーバがindex.htmlを返していないことを確認してください。' },
    library: { message: 'モデルライブラリ（.wasm）を読み込めないか、この重みやこのWebLLMのバージョンに合っていません。', nextStep: 'ライブラリのURLを確認してください。更新後なら、モデルをキャッシュから削除して読み込み直してください。' },
    network: { message: 'ダウンロード中にネットワークが失敗しました。', nextStep: '接続を確認して再試行してください。ダウンロード済みのファイルは保持され、取り直しません。' },
    unknown: { message: 'モデルを実行できませんでした。', nextStep: 'エンジンを読み込み直して、もう一度試してください。（{{detail}}）' },
    'worker-crashed': { message: 'エンジンが予期せず停止したため、再起動しました。', nextStep: 'モデルをもう一度読み込んでください。（{{reason}}）' },
    'library-at': { message: '{{url}} のモデルライブラリを読み込めませんでした。WebLLMのモデルライブラリではないか、このWebLLMのバージョン用ではありません。', nextStep: 'このモデルのライブラリのURLを確認してください。（{{detail}}）' },
    'config-not-found': { message: 'mlc-chat-config.json が {{url}} にありません（HTTP {{status}}）。', nextStep: 'モデルのURLを確認してください。重みのフォルダに resolve/main/mlc-chat-config.json が必要です。' },
    'library-not-found': { message: 'モデルライブラリ（.wasm）が {{url}} にありません（HTTP {{status}}）。', nextStep: 'モデルのURLを確認してください。' },
    'http-status': { message: 'サーバが {{url}} に HTTP {{status}} を返しました。', nextStep: '時間をおいて再試行するか、モデルを置いているサーバを確認してください。' },
    'config-web-page': { message: '{{url}} が mlc-chat-config.json の代わりにWebページを返しました（SPAのフォールバックやログインページ）。', nextStep: 'URLを確認してください。静的サーバは存在しないファイルに index.html ではなく404を返す必要があります。' },
    'library-web-page': { message: '{{url}} がモデルライブラリ（.wasm）の代わりにWebページを返しました（SPAのフォールバックやログインページ）。', nextStep: 'URLを確認してください。静的サーバは存在しないファイルに index.html ではなく404を返す必要があります。' },
    'config-json': { message: '{{url}} の mlc-chat-config.json が正しいJSONではありません（{{error}}）。', nextStep: 'mlc_llm gen_config で作り直してください。' },
    'config-missing': { message: '{{url}} の mlc-chat-config.json に {{missing}} がありません。', nextStep: 'mlc_llm gen_config で作り直してください。' },
    'not-wasm': { message: '{{url}} のモデルライブラリはWebAssemblyのファイルではありません。', nextStep: 'ライブラリのURLを確認してください。このモデル用にコンパイルした .wasm を指す必要があります。' },
    'server-unreachable': { message: '推論サーバに接続できませんでした。', nextStep: 'サーバが動いているか、URLを確認してください。ブラウザからは、サーバがこのサイトをCORSで許可している必要もあります。（{{detail}}）' },
    'server-http': { message: '推論サーバがエラーを返しました。', nextStep: 'サーバの応答：{{detail}}' },
    'server-unknown-model': { message: 'そのモデル名は推論サーバにありません。', nextStep: 'サーバの /v1/models にある名前を使ってください。（{{detail}}）' },
    'server-no-completions': { message: 'このサーバには必要なエンドポイントがありません。', nextStep: 'OpenAI互換のサーバ（vLLM、llama-server、Ollama）を使うか、もう一方のモードにしてください。（{{detail}}）' },
    'server-timeout': { message: '推論サーバが時間内に応答しませんでした。', nextStep: 'サーバの負荷を確認して再試行してください。（{{detail}}）' },
    'server-dropped': { message: '推論サーバとの接続が回答の途中で切れました。', nextStep: '再試行してください。（{{detail}}）' },
    'server-bad-stream': { message: '推論サーバの応答を読めませんでした。', nextStep: 'OpenAI互換のストリーミング（SSE）に対応したサーバか確認してください。（{{detail}}）' },
    'server-blocked': { message: 'このビルドのコンテンツセキュリティポリシーが {{origin}} への接続を許可していません。', nextStep: 'GIELLM_MODEL_HOSTS="{{origin}}" を付けてビルドし直してください（ループバックのアドレスは常に許可されています）。' },
    unreachable: { message: '{{url}} に接続できませんでした。', nextStep: '接続を確認し（別のホストなら、このサイトをCORSで許可しているかも）、再試行してください。' },
  },
};
