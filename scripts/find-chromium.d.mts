// Types for find-chromium.mjs, used from TypeScript configs.
export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string;
