// Building the page's elements. Text always goes in as text (textContent, text nodes), never as
// markup: the page shows words from any article the user opens.

/** The element with id `id`. The page's elements are all there once the module scripts run. */
export const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * A new `tag` element with `props` (class, dataset, on<event> handlers, aria-* and role
 * attributes, or properties such as textContent) and `children` (null and undefined skipped).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function elt(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k.startsWith('aria-') || k === 'role') e.setAttribute(k, v);
    else /** @type {any} */ (e)[k] = v;
  }
  e.append(.../** @type {(Node | string)[]} */ (children.filter((c) => c !== null && c !== undefined)));
  return e;
}

/** Resolves in a new task, so the browser can paint and handle input between chunks of work. */
export const nextTask = () => new Promise((r) => setTimeout(r, 0));
