/**
 * A bounded queue of pending writes: `add` waits only while `limit` writes are under way, `finish` waits for all and
 * returns their results in the order they were added. A failed write fails the next `add` (or `finish`) once the
 * writes already under way have settled, so no write is left running when the error reaches the caller; each write
 * is atomic on its own (`writeFileAtomic`), so the files it did not reach are untouched.
 */
export interface WriteQueue<T> {
  add(write: Promise<T>): Promise<void>;
  finish(): Promise<T[]>;
}

export function createWriteQueue<T>(limit: number): WriteQueue<T> {
  const results: Array<Promise<T>> = [];
  const running = new Set<Promise<void>>();
  let failed = false;
  const settleAll = async (): Promise<T[]> => {
    const settled = await Promise.allSettled(results);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
  };
  return {
    async add(write) {
      results.push(write);
      const tracked: Promise<void> = write.then(
        () => {
          running.delete(tracked);
        },
        () => {
          running.delete(tracked);
          failed = true;
        },
      );
      running.add(tracked);
      if (running.size >= limit) await Promise.race(running);
      if (failed) await settleAll();
    },
    finish: settleAll,
  };
}
