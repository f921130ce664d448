// The custom elements manifest, served by the `d1-elements-manifest` Vite plugin of main.ts.
declare module 'virtual:d1-elements-manifest' {
  /** A custom elements manifest (schema: https://github.com/webcomponents/custom-elements-manifest). */
  const manifest: {
    schemaVersion: string;
    modules: Array<{
      kind: string;
      path: string;
      declarations?: Array<{
        kind: string;
        name: string;
        tagName?: string;
        events?: Array<{ name?: string }>;
        members?: Array<{ kind: string; name: string; privacy?: 'public' | 'private' | 'protected' }>;
      }>;
    }>;
  };
  export default manifest;
}
