// The share module's glue (pkg/share/, imported as '#engine-share'): src/wasm/share.rs.
export default function init(input?: { module_or_path: URL | string | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;
export function decodeShareLink(link: string): unknown;
export function parseShareBundle(json: string): unknown;
export function textSha256(text: string): string;
export function engineVersion(): string;
