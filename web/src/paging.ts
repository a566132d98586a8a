// Lists the API answers a page at a time (`{items, next_cursor}`): all of one, page by page.

type Listing<T> = { items: T[]; next_cursor?: string | null };

/** Every item of a paged list: `page(cursor)` fetches one page; pages are followed to the end. */
export async function everything<T>(page: (cursor: string | undefined) => Promise<Listing<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    all.push(...p.items);
    cursor = p.next_cursor ?? undefined;
  } while (cursor);
  return all;
}
