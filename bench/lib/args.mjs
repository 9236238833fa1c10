// Command-line options of the bench scripts that compare builds: an option may be repeated
// (`--pkg A --pkg B`), so each lookup returns every value given, or the default list.

/** `opt(name, defaults)`: the values after each `name` in `args`, or `defaults` when there are none. */
export function repeatedOptions(/** @type {string[]} */ args) {
  return (/** @type {string} */ name, /** @type {string[]} */ dflt) => {
    const all = args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
    return all.length ? all : dflt;
  };
}
