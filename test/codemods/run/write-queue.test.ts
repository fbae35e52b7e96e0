import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../../codemods/write-queue.js';

/** A write that finishes when `release` is called, recording how many writes were under way at its start. */
function createWrites() {
  let inFlight = 0;
  let maxInFlight = 0;
  const pending: Array<() => void> = [];
  const start = <T>(value: T, fail = false): Promise<T> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<T>((resolve, reject) => {
      pending.push(() => {
        inFlight--;
        if (fail) reject(new Error(`write ${String(value)} failed`));
        else resolve(value);
      });
    });
  };
  const releaseAll = async () => {
    while (pending.length > 0) {
      pending.shift()!();
      await Promise.resolve();
    }
  };
  return { start, releaseAll, pending, getMaxInFlight: () => maxInFlight, getInFlight: () => inFlight };
}

describe('createWriteQueue', () => {
  it('returns the results in the order the writes were added, whatever order they finish in', async () => {
    const queue = createWriteQueue<number>(4);
    const resolvers: Array<() => void> = [];
    const delayed = (value: number) => new Promise<number>((resolve) => resolvers.push(() => resolve(value)));
    for (const value of [1, 2, 3]) await queue.add(delayed(value));
    resolvers.reverse().forEach((resolve) => resolve());
    expect(await queue.finish()).toEqual([1, 2, 3]);
  });

  it('never has more than `limit` writes under way', async () => {
    const writes = createWrites();
    const queue = createWriteQueue<number>(3);
    const adding = (async () => {
      for (let value = 0; value < 10; value++) await queue.add(writes.start(value));
    })();
    // Release one write at a time; the queue starts the next only when one has finished.
    while (writes.pending.length > 0 || writes.getInFlight() > 0) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      writes.pending.shift()?.();
    }
    await adding;
    expect(await queue.finish()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(writes.getMaxInFlight()).toBe(3);
  });

  it('fails once a write failed, after the writes under way have settled', async () => {
    const writes = createWrites();
    const queue = createWriteQueue<number>(2);
    await queue.add(writes.start(1, true));
    const second = writes.start(2);
    const adding = queue.add(second);
    await writes.releaseAll();
    await expect(adding).rejects.toThrow('write 1 failed');
    // The other write was not abandoned: it finished before the error was reported.
    await expect(second).resolves.toBe(2);
    await expect(queue.finish()).rejects.toThrow('write 1 failed');
  });
});
