/** Reads a bench's whole-number flags (parseArgs gives strings), refusing anything else with the flag's name. */
export function wholeNumberFlags<K extends string>(values: Partial<Record<K, string | boolean>>) {
  return (name: K, min = 1): number => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}`);
    return n;
  };
}
