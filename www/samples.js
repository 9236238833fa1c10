// Sample articles built into the page (esbuild's text loader embeds them in the bundle).
import peoplesDaily from '../samples/en-peoples-daily-2025-11-05.txt';

export const SAMPLES = [
  { id: 'en-peoples-daily', label: "People's Daily, 5 Nov 2025 (English)", text: peoplesDaily },
];
