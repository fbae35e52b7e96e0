/** A minimal recording function, enough for the self-checks in this folder (no test runner needed). */
export interface FakeFn<A extends unknown[], R> {
  (...args: A): R;
  mock: { calls: A[] };
}

export function fakeFn<A extends unknown[], R>(impl: (...args: A) => R): FakeFn<A, R> {
  const calls: A[] = [];
  const fn = (...args: A): R => {
    calls.push(args);
    return impl(...args);
  };
  return Object.assign(fn, { mock: { calls } });
}
