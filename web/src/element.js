// <embedding-lab section="lookup"></embedding-lab>: the lab as a custom element, for course pages.
// Each element has its own shadow root (its styles and ids stay inside) and its own state; all
// elements on a page share one WASM module.
import createEmbedLabModule from 'embedlab-wasm';
import { loadCore } from './core.js';
import { el } from './dom.js';
import { mountLab, sectionNames } from './lab.js';

let corePromise;
/** The one core of the page, started by the first element that needs it. */
function sharedCore() {
  corePromise ??= loadCore(createEmbedLabModule);
  return corePromise;
}

/** The sections named by the attribute ("all", or names separated by spaces), and a notice for any name that is not a section. */
export function parseSections(attribute) {
  const requested = (attribute ?? 'all').trim().split(/\s+/).filter(Boolean);
  if (requested.length === 0 || (requested.length === 1 && requested[0] === 'all')) return { names: sectionNames, notice: '' };
  const unknown = requested.filter((name) => !sectionNames.includes(name));
  const names = requested.filter((name) => sectionNames.includes(name));
  if (unknown.length === 0) return { names, notice: '' };
  const shown = names.length > 0 ? names : sectionNames;
  return {
    names: shown,
    notice: `section “${unknown.join('”, “')}” is not one of ${sectionNames.join(', ')}; showing ${names.length > 0 ? names.join(', ') : 'every section'}.`,
  };
}

export class EmbeddingLabElement extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;  // moved within the page: keep what is there
    const shadow = this.attachShadow({ mode: 'open' });
    const status = el('p', { class: 'status', role: 'status' }, 'Starting the core…');
    shadow.append(status);
    const { names, notice } = parseSections(this.getAttribute('section'));
    sharedCore().then((core) => {
      status.remove();
      if (notice) shadow.append(el('p', { class: 'notice', role: 'note' }, notice));
      this.state = mountLab(shadow, { core, names });
      this.setAttribute('ready', '');
      this.dispatchEvent(new CustomEvent('ready'));
    }).catch((error) => {
      status.textContent = `The lab could not start: ${error.message}`;
    });
  }
}

if (!customElements.get('embedding-lab')) customElements.define('embedding-lab', EmbeddingLabElement);
