// Modules the service-worker build provides (scripts/sw-sync-runtime.ts).
declare module 'virtual:broadsheet-sw-sync-runtime' {
  /** Same-origin URL of the sync runtime script, content-hashed. */
  const url: string;
  export default url;
}
