// What boot.js leaves for the page: the analysis worker it started early, the messages it sent
// meanwhile, and the early request it made (features/analysis/boot.js, worker-bridge.js).
interface EarlyWorker {
  worker: Worker;
  messages: MessageEvent[];
  failed: boolean;
  speculative: { id: number; text: string; optionsKey: string } | null;
  claimed: boolean;
}
// false once a bridge has started a worker (boot.js then starts none).
declare var __aeEarlyWorker: EarlyWorker | false | undefined;
// The engine's version (Cargo.toml's), put in by scripts/build-site.mjs (esbuild's define) for the
// provenance of shares and exports (features/share/).
declare const AE_ENGINE_VERSION: string;
