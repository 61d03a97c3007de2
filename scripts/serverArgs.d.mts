/** Types of serverArgs.mjs for the TypeScript code that calls it (the benchmarks). */
export declare const serverNodeArgs: string[]
