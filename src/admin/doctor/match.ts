/**
 * What {@link matchCatalog} found: every expected item and every actual item lands in exactly one place.
 *
 * @example
 * ```ts
 * const m: CatalogMatch<{ name: string }> = { sameKey: [], otherKey: [{ want: { name: 'a' }, have: undefined }], extra: [] };
 * ```
 * @internal
 */
export interface CatalogMatch<T> {
  /** Pass 1: expected items present under their own key, in expected order; `same` says whether the shapes agree too. */
  sameKey: { want: T; have: T; same: boolean }[];
  /**
   * Pass 2: expected items with no actual item under their key, in expected order. `have` is the
   * first unclaimed actual item of the same shape (the item under another name), or `undefined`
   * (the item is missing).
   */
  otherKey: { want: T; have: T | undefined }[];
  /** Pass 3: actual items that no expected item claimed, in actual order. */
  extra: T[];
}

/**
 * How {@link matchCatalog} reads an item.
 *
 * @example
 * ```ts
 * const by: MatchBy<CatalogIndex> = { key: (i) => i.name, shape: (i) => indexShape(i.definition) };
 * ```
 * @internal
 */
export interface MatchBy<T> {
  /** The item's identity in the catalog (its name). */
  key(item: T): string;
  /** What the item does, without its name: equal shapes are the same object under two names. */
  shape(item: T): string;
}

/**
 * The three-pass catalog matcher doctor runs for constraints and indexes: pair expected and actual
 * items by key; then pair each expected item left over with the first unclaimed actual item of the
 * same shape (a constraint or index the upstream app named otherwise, e.g. SQLAlchemy create_all's
 * default names, docs/upstream.md); what is left on the actual side is extra.
 *
 * Ties are settled by order, so a report never depends on hashing: an actual item is claimed at
 * most once, by the first expected item (in expected order) whose shape it has; among several
 * unclaimed actual items of that shape, the first in actual order wins. Pass 2 never takes an
 * actual item whose key pass 1 matched.
 *
 * @example
 * ```ts
 * const m = matchCatalog(expected.indexes, actual.indexes, { key: (i) => i.name, shape: (i) => indexShape(i.definition) });
 * for (const { want, have } of m.otherKey) console.log(want.name, have ? `renamed to ${have.name}` : 'missing');
 * ```
 * @internal
 */
export function matchCatalog<T>(expected: readonly T[], actual: readonly T[], by: MatchBy<T>): CatalogMatch<T> {
  const byKey = new Map(actual.map((item) => [by.key(item), item]));
  const claimed = new Set<string>();
  const sameKey: CatalogMatch<T>['sameKey'] = [];
  const leftOver: T[] = [];
  for (const want of expected) {
    const have = byKey.get(by.key(want));
    if (have === undefined) {
      leftOver.push(want);
      continue;
    }
    claimed.add(by.key(have));
    sameKey.push({ want, have, same: by.shape(want) === by.shape(have) });
  }
  const otherKey: CatalogMatch<T>['otherKey'] = [];
  for (const want of leftOver) {
    const shape = by.shape(want);
    const have = actual.find((item) => !claimed.has(by.key(item)) && by.shape(item) === shape);
    if (have !== undefined) claimed.add(by.key(have));
    otherKey.push({ want, have });
  }
  const extra = actual.filter((item) => !claimed.has(by.key(item)));
  return { sameKey, otherKey, extra };
}

/**
 * What a comparator reports for each outcome of {@link matchCatalog}.
 *
 * @example
 * ```ts
 * const on: MatchReport<CatalogIndex, string> = { differs: (w) => `${w.name} differs`, renamed: (w, h) => `${w.name} is ${h.name}`, missing: (w) => `${w.name} missing`, extra: (h) => `${h.name} extra` };
 * ```
 * @internal
 */
export interface MatchReport<T, F> {
  /** Same key, another shape. */
  differs(want: T, have: T): F;
  /** Same shape, another key. */
  renamed(want: T, have: T): F;
  /** Neither. */
  missing(want: T): F;
  /** An actual item no expected item claimed. */
  extra(have: T): F;
}

/**
 * The findings of a match in the order doctor reports them: differing items, then each expected
 * item found under another key or missing (in expected order), then the extra ones (in actual
 * order). Items that match by key and shape report nothing.
 *
 * @example
 * ```ts
 * const findings = reportMatch(matchCatalog(expected, actual, INDEXES), on);
 * ```
 * @internal
 */
export function reportMatch<T, F>(match: CatalogMatch<T>, on: MatchReport<T, F>): F[] {
  return [
    ...match.sameKey.filter((pair) => !pair.same).map((pair) => on.differs(pair.want, pair.have)),
    ...match.otherKey.map((pair) => (pair.have === undefined ? on.missing(pair.want) : on.renamed(pair.want, pair.have))),
    ...match.extra.map((have) => on.extra(have)),
  ];
}
