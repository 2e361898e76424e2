// The one module worker that hosts WebLLM's engine for the app's life.
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';
import { guardWorkerNetwork, isAllowMessage } from './connectPolicy.ts';

// What this worker may fetch (connectPolicy.ts): set by the page before each load.
let prefixes: string[] = [];
guardWorkerNetwork(self, () => prefixes);

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => {
  if (isAllowMessage(event.data)) prefixes = event.data.prefixes;
  else handler.onmessage(event);
};
