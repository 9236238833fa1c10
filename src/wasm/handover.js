// The report hand-over's decoder (the full module's; src/wasm/handover.rs describes the words):
// builds the plain object from the words, the string table and the objects' shapes, in one pass,
// without calling back into wasm. One decoder object, not a closure per call: V8 keeps one
// optimised copy of its method (a fresh closure was re-optimised on every call).
const float = new Float64Array(1);
const halves = new Uint32Array(float.buffer);
// One object of every shape decoded so far, kept for the module's life: optimised code refers to
// the objects' hidden classes weakly and is thrown away when they die (a dropped report let every
// garbage collection undo the optimisation). Built as decoded objects are, key by key, with null
// values, so their fields take any value without a change of hidden class.
/** @type {Map<string, Record<string, unknown>>} */
const kept = new Map();

class Decoder {
  /**
   * @param {Uint32Array} words
   * @param {string} strings
   * @param {string[][]} shapes
   */
  constructor(words, strings, shapes) {
    this.words = words;
    this.strings = strings;
    this.shapes = shapes;
    this.at = 0;
    this.pos = 0;
  }

  /** @returns {unknown} */
  value() {
    const words = this.words;
    const w = words[this.at++];
    if (w < 0x80000000) return w;
    if (w >= 0xc0000000) {
      const shape = this.shapes[w - 0xc0000000];
      /** @type {Record<string, unknown>} */
      const o = {};
      for (let j = 0; j < shape.length; j++) o[shape[j]] = this.value();
      return o;
    }
    switch (w) {
      case 0x80000001: {
        const n = words[this.at++];
        const a = new Array(n);
        for (let j = 0; j < n; j++) a[j] = this.value();
        return a;
      }
      case 0x80000002: {
        const n = words[this.at++];
        const s = this.strings.slice(this.pos, this.pos + n);
        this.pos += n;
        return s;
      }
      case 0x80000003:
        halves[0] = words[this.at++];
        halves[1] = words[this.at++];
        return float[0];
      case 0x80000004: return null;
      case 0x80000005: return true;
      case 0x80000006: return false;
      case 0x80000007: {
        const n = words[this.at++];
        /** @type {Record<string, unknown>} */
        const o = {};
        for (let j = 0; j < n; j++) {
          const k = /** @type {string} */ (this.value());
          // an own property even for "__proto__", as JSON.parse makes it
          Object.defineProperty(o, k, { value: this.value(), writable: true, enumerable: true, configurable: true });
        }
        return o;
      }
      default: throw new Error('damaged report hand-over');
    }
  }
}

// One decoder for the module's life, like the kept objects (a new one's hidden class died with it).
const empty = new Uint32Array(0);
const decoder = new Decoder(empty, '', []);

/**
 * @param {Uint32Array} words
 * @param {string} strings
 * @param {string} keys field names, one a line
 * @param {Uint32Array} shapeWords per shape: its key count, then its keys' indexes
 * @returns {unknown}
 */
export function decode(words, strings, keys, shapeWords) {
  const keyList = keys.split('\n');
  /** @type {string[][]} */
  const shapes = [];
  for (let i = 0; i < shapeWords.length;) {
    const n = shapeWords[i++];
    const shape = new Array(n);
    for (let j = 0; j < n; j++) shape[j] = keyList[shapeWords[i++]];
    shapes.push(shape);
    const id = shape.join('\n');
    if (!kept.has(id)) {
      /** @type {Record<string, unknown>} */
      const o = {};
      for (const k of shape) o[k] = null;
      kept.set(id, o);
    }
  }
  decoder.words = words;
  decoder.strings = strings;
  decoder.shapes = shapes;
  decoder.at = 0;
  decoder.pos = 0;
  try {
    return decoder.value();
  } finally {
    // the report's texts and the wasm memory view are not held after the call
    decoder.words = empty;
    decoder.strings = '';
  }
}
