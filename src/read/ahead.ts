import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The items in order, each with what `load` gave for it, loading up to `ahead` items in advance
 * (file reads overlap the parsing of the letter before them; at most `ahead` loaded items wait in
 * memory). `load` must not reject: return the error as a value.
 *
 * Between two items the generator waits one event-loop turn: parsing a letter takes the main
 * thread for milliseconds, and the live site's responses, which arrive meanwhile, are then handled
 * between two letters instead of behind a batch of them (each response waiting adds to the
 * time every one of the few connections per host is held).
 */
export async function* readAhead<T, R>(items: readonly T[], ahead: number, load: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < ahead) pending.push(load(items[next++]));
  };
  fill();
  for (let i = 0; i < items.length; i++) {
    const loaded = await pending.shift()!;
    fill();
    yield [items[i], loaded];
    await nextTurn();
  }
}
