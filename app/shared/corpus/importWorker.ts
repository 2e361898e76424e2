/// <reference lib="webworker" />
import { readDocuments, type ReadRequest } from './readDocuments.ts';
import type { ImportWorkerReply } from './importWorkerProtocol.ts';

// One file's read, off the page's thread: a file of a million lines keeps the page answering, its progress
// shows, and Stop ends it at once (the page terminates this worker).
const post = (m: ImportWorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<ReadRequest>) => {
  try {
    const read = await readDocuments(
      e.data,
      (done, total) => post({ kind: 'progress', done, total }),
      (docs) => post({ kind: 'docs', docs }),
    );
    post({ kind: 'done', read });
  } catch (err) {
    post({ kind: 'failed', message: (err as Error)?.message ?? String(err) });
  }
};
