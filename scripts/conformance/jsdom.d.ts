// The slice of jsdom's API the conformance scripts use (the package ships no types, @types/jsdom is not installed).
declare module 'jsdom' {
  /** A console for the page's own messages; a fresh one forwards nothing. */
  export class VirtualConsole {}
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; contentType?: string; virtualConsole?: VirtualConsole });
    readonly window: Window & typeof globalThis;
  }
}
