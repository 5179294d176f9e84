// <embedding-lab section="lookup"></embedding-lab>: the lab as a custom element, for course pages.
// Each element has its own shadow root (its styles and ids stay inside) and its own state; all
// elements on a page share one WASM module.
//
// Settings come from the element's attributes (see settings.js). With the `hash` attribute the
// element reads them from the page's URL hash instead, and keeps the hash up to date, so that a
// link or an iframe src reproduces what the reader set up: the site's index.html and embed.html
// use it. Settings that do not parse fall back to their defaults, with a visible notice.
import createEmbedLabModule from 'embedlab-wasm';
import wasmBinary from 'embedlab-wasm-binary';
import { loadCore } from './core/core.js';
import { el } from './dom.js';
import { embedCodePanel } from './embed_code.js';
import { mountLab, sectionNames } from './lab.js';
import { listen, messageType } from './messages.js';
import { readSettings, settingsFromAttributes, settingsFromHash, settingsText } from './settings.js';

let corePromise;
/** The one core of the page, started by the first element that needs it. */
function sharedCore() {
  corePromise ??= loadCore(createEmbedLabModule, wasmBinary);
  return corePromise;
}

/** The `origin` hash parameter: the only origin whose messages an iframe obeys. */
function allowedOrigin(params, notices) {
  const origin = params.get('origin');
  params.delete('origin');
  if (origin === null) return null;
  try {
    if (new URL(origin).origin === origin) return origin;
  } catch { /* falls through to the notice */ }
  notices.push(`origin “${origin}” is not an origin such as https://example.org: messages are taken from the parent page only`);
  return null;
}

export class EmbeddingLabElement extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;  // moved within the page: keep what is there
    const shadow = this.attachShadow({ mode: 'open' });
    const status = el('p', { class: 'status', role: 'status' }, 'Starting the core…');
    shadow.append(status);

    const usesHash = this.hasAttribute('hash');
    const inIframe = usesHash && window.parent !== window;
    const params = new URLSearchParams(location.hash.slice(1));
    const hashNotices = [];
    const origin = usesHash ? allowedOrigin(params, hashNotices) : null;
    const { values, notices } = usesHash ? settingsFromHash(`#${params}`) : settingsFromAttributes(this);
    notices.unshift(...hashNotices);
    const names = values.section ?? sectionNames;

    sharedCore().then((core) => {
      status.remove();
      if (notices.length > 0) {
        shadow.append(el('div', { class: 'notice', role: 'note' }, el('p', {}, 'Some settings were not used:'),
          el('ul', {}, notices.map((notice) => el('li', {}, notice)))));
      }
      let state;
      const currentText = () => settingsText(state, names);
      const emit = (name, extra = {}) => {
        const detail = { type: messageType(name), state: currentText(), sections: names, ...extra };
        this.dispatchEvent(new CustomEvent(`lab-${name}`, { detail }));
        if (inIframe) window.parent.postMessage(detail, origin ?? '*');
      };
      const lab = mountLab(shadow, { core, names, settings: values, emit });
      state = lab.state;
      shadow.querySelector('.lab').append(embedCodePanel(currentText));
      const runs = { 'start-training': lab.controls.train, 'stop-training': lab.controls.pause, sample: lab.controls.sample };
      state.onChange(() => {
        if (usesHash) history.replaceState(null, '', `#${new URLSearchParams(currentText())}`);
        emit('state-changed');
      });
      listen({
        element: this,
        emit,
        apply: (changes) => {
          const { values: accepted, notices: refused } = readSettings({ ...changes });
          delete accepted.section;  // the sections shown are fixed once the lab is built
          if (Object.keys(accepted).length > 0) state.setMany(accepted);
          return refused;
        },
        run: (command) => {
          if (!runs[command]) return [`${command} needs the training section, which this lab does not show`];
          runs[command]();
          return [];
        },
      }, inIframe
        ? (event) => event.source === window.parent && (origin === null || event.origin === origin)
        : (event) => event.source === window && event.origin === location.origin);

      this.state = state;
      this.setAttribute('ready', '');
      emit('ready');
    }).catch((error) => {
      status.textContent = `The lab could not start: ${error.message}`;
    });
  }
}

if (!customElements.get('embedding-lab')) customElements.define('embedding-lab', EmbeddingLabElement);
