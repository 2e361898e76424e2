import { describe, expect, it, vi } from 'vitest';
import { watchWorkerCrash } from './workerCrash.ts';

describe('an engine worker’s uncaught error', () => {
  it('reaches the engine in words and the console in full, with where it happened', () => {
    const worker = new EventTarget() as unknown as Worker;
    const crash = watchWorkerCrash(worker, 'the engine worker stopped');
    const heard: string[] = [];
    crash.onCrash((r) => heard.push(r));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const e = Object.assign(new Event('error', { cancelable: true }), { message: 'RangeError: Array buffer allocation failed', filename: 'http://127.0.0.1/assets/worker-x.js', lineno: 12, colno: 3, error: null });
    worker.dispatchEvent(e);
    expect(heard).toEqual(['RangeError: Array buffer allocation failed']);
    expect(logged.mock.calls[0]![0]).toBe('[giellm] the engine worker stopped: RangeError: Array buffer allocation failed at http://127.0.0.1/assets/worker-x.js:12:3');
    expect(e.defaultPrevented).toBe(true);
    // A worker that dies without a message still ends the engine, in the fallback's words.
    worker.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: '' }));
    expect(heard.at(-1)).toBe('the engine worker stopped');
    logged.mockRestore();
  });
});
