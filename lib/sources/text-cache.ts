import "server-only";

// Source texts are large (up to 500,000 characters) and read on every
// annotation write to check its spans; they change only while no annotation
// points into them. Keyed by id *and* content hash, a cached text can never be
// stale: the caller reads the current hash (a few bytes) in its transaction,
// and a changed text simply misses. Least recently used texts are dropped past
// a total size, so memory stays bounded whatever the number of sources.

export type SourceRef = { id: string; contentHash: string };
export type SourceText = SourceRef & { text: string };
export type LoadSourceTexts = (ids: string[]) => Promise<SourceText[]>;

export type SourceTextCache = {
  /** Texts of the given sources by id, from the cache or from `load` (given the ids that missed). */
  read(refs: SourceRef[], load: LoadSourceTexts): Promise<Map<string, string>>;
  readonly size: { entries: number; chars: number };
};

export function createSourceTextCache(maxChars = 20_000_000): SourceTextCache {
  const entries = new Map<string, SourceText>(); // insertion order = recency
  let chars = 0;
  const keyOf = (ref: SourceRef) => `${ref.id}:${ref.contentHash}`;

  const remember = (entry: SourceText) => {
    const key = keyOf(entry);
    if (entries.has(key) || entry.text.length > maxChars) return;
    entries.set(key, entry);
    chars += entry.text.length;
    for (const [oldKey, old] of entries) {
      if (chars <= maxChars) break;
      entries.delete(oldKey);
      chars -= old.text.length;
    }
  };

  return {
    async read(refs, load) {
      const texts = new Map<string, string>();
      const missing: string[] = [];
      for (const ref of refs) {
        const hit = entries.get(keyOf(ref));
        if (!hit) {
          missing.push(ref.id);
          continue;
        }
        entries.delete(keyOf(ref)); // move to the most recent end
        entries.set(keyOf(ref), hit);
        texts.set(ref.id, hit.text);
      }
      if (missing.length === 0) return texts;
      const wanted = new Map(refs.map((ref) => [ref.id, ref.contentHash]));
      for (const loaded of await load(missing)) {
        texts.set(loaded.id, loaded.text);
        // Cache only what matches the hash the caller read: a text changed in between is used once, not kept.
        if (wanted.get(loaded.id) === loaded.contentHash) remember(loaded);
      }
      return texts;
    },
    get size() {
      return { entries: entries.size, chars };
    },
  };
}

/** The process-wide cache. */
export const sourceTextCache = createSourceTextCache();
export const readSourceTexts: SourceTextCache["read"] = (refs, load) => sourceTextCache.read(refs, load);
