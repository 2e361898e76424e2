import type { ReadProgress } from '../../../src/data/records.ts';
import { readDocuments, type DocumentsRead, type ReadRequest } from './readDocuments.ts';
import type { ImportWorkerReply } from './importWorkerProtocol.ts';
import { markStale } from '../appUpdate.ts';
import type { CorpusDocument } from '../../../src/corpus/document.ts';

/** The import worker could not start (its script did not load: after a deployment, an old tab). */
export class WorkerFailed extends Error {}

/** The read was stopped by the user: nothing of the file is kept. */
export class ReadStopped extends Error {
  constructor() {
    super('stopped');
  }
}

/**
 * Reads a file in its own worker (see importWorker.ts), telling progress and stopping when `signal` aborts;
 * where the page has no workers (Node, the unit tests) the same reader runs here.
 */
export function readOffThread(req: ReadRequest, onProgress: ReadProgress, signal: AbortSignal): Promise<DocumentsRead> {
  if (typeof Worker === 'undefined') {
    // Here the read cannot be interrupted: a stop asked for during it is honoured once it is done.
    return readDocuments(req, onProgress).then((read) => {
      if (signal.aborted) throw new ReadStopped();
      return read;
    });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'giellm-import' });
    const end = () => {
      worker.terminate();
      signal.removeEventListener('abort', stop);
    };
    const stop = () => {
      end();
      reject(new ReadStopped());
    };
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop);
    const docs: CorpusDocument[] = [];
    worker.onmessage = (e: MessageEvent<ImportWorkerReply>) => {
      const m = e.data;
      if (m.kind === 'progress') return onProgress(m.done, m.total);
      if (m.kind === 'docs') {
        for (const d of m.docs) docs.push(d);
        return;
      }
      end();
      if (m.kind === 'done') resolve('docs' in m.read ? { ...m.read, docs } : m.read);
      else reject(new Error(m.message));
    };
    // A worker that cannot start (its chunk gone after a deployment) fails the read like a reader would.
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      markStale();
      reject(new WorkerFailed(e.message || 'the import worker failed to start'));
    };
    worker.postMessage(req);
  });
}
