/** Types of build.mjs for the TypeScript code that calls it (the benchmarks). */
export declare const serverBundle: string
export declare const buildIfNeeded: () => void
