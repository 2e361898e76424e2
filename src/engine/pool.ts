/**
 * Runs `work` over `items` with `workers` of them at once, each worker taking the next item as it is free,
 * until all are taken or `stopped()` says to take no more. `work` learns which worker runs it (0-based).
 */
export async function eachConcurrently<T>(items: readonly T[], workers: number, work: (item: T, index: number, worker: number) => Promise<void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async (w: number) => {
    while (!stopped() && next < items.length) {
      const i = next++;
      await work(items[i]!, i, w);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, (_, w) => worker(w)));
}
