// The samples scripts/build-site.mjs embeds: samples/*.txt, the first with its text, the others
// with load() (a chunk of their own each).
declare module 'virtual:samples' {
  export const SAMPLES: { id: string; text?: string; load?: () => Promise<string> }[];
}
declare module 'virtual:sample/*' {
  const text: string;
  export default text;
}
