/** Every id a suggestion mints starts with this, so only existing ids with it can clash. */
export const FIX_PREFIX = 'fix-';

/**
 * Makes deterministic ids for items a suggestion adds, unique against every node and arrow
 * id already in the map and against ids minted earlier for the same suggestion.
 * @example new IdMinter(() => new Set(['fix-end-a'])).session()('fix-end-a') // 'fix-end-a-2'
 */
export class IdMinter {
  private taken: ReadonlySet<string> | undefined;

  constructor(private readonly collect: () => ReadonlySet<string>) {}

  /** A fresh minter for one suggestion (suggestions are applied one at a time). */
  session(): (base: string) => string {
    const mine = new Set<string>();
    return (base) => {
      this.taken ??= this.collect();
      const taken = this.taken;
      let id = base;
      for (let i = 2; taken.has(id) || mine.has(id); i++) id = `${base}-${i}`;
      mine.add(id);
      return id;
    };
  }
}
