// Small statistics for the benchmarks: each prints the median of several runs, with the range.

/** The middle value (for an even count, the upper of the two middle ones); `xs` is left as is. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The smallest and largest values, as `[min, max]`. */
export const range = (xs) => [Math.min(...xs), Math.max(...xs)];
