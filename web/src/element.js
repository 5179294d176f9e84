// <embedding-lab section="lookup"></embedding-lab>: the lab as a custom element, for course pages.
// Each element has its own shadow root (its styles and ids stay inside) and its own state; all
// elements on a page share one WASM module.
//
// Settings come from the element's attributes, or with the `hash` attribute from the page's URL
// hash, which the element then keeps up to date, so that a link or an iframe src reproduces what
// the reader set up: the site's index.html and embed.html use it (starting_settings.js). Settings
// that do not parse fall back to their defaults, with a visible notice. Commands come through
// messages (messages.js, commands.js) from the senders the lab obeys (origin_policy.js).
// The "Embed this" panel is for teachers: shown on the site's page of the whole lab, hidden
// in an embedded lab unless its embedCode setting is on (the `embedded` attribute marks
// embed.html's lab as embedded).
import createEmbedLabModule from 'embedlab-wasm';
import { loadCore } from './core/core.js';
import { wasmBytes } from './core/wasm_bytes.js';
import { el } from './dom.js';
import { embedCodePanel } from './embed_code.js';
import { mountLab } from './lab.js';
import { labCommands } from './commands.js';
import { listen, messageType } from './messages.js';
import { originPolicy } from './origin_policy.js';
import { settingsText } from './settings.js';
import { startingSettings } from './starting_settings.js';

let corePromise;
/** The one core of the page, started by the first element that needs it. */
function sharedCore() {
  corePromise ??= wasmBytes().then((bytes) => loadCore(createEmbedLabModule, bytes));
  return corePromise;
}

/** A notice listing the settings that were not used. */
const noticeBox = (notices) => el('div', { class: 'notice', role: 'note' }, el('p', {}, 'Some settings were not used:'),
  el('ul', {}, notices.map((notice) => el('li', {}, notice))));

export class EmbeddingLabElement extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;  // moved within the page: keep what is there
    const shadow = this.attachShadow({ mode: 'open' });
    const status = el('p', { class: 'status', role: 'status' }, 'Starting the core…');
    shadow.append(status);
    const { values, notices, names, usesHash, inIframe, origin, embedded } = startingSettings(this);
    const policy = originPolicy({ inIframe, origin });

    sharedCore().then((core) => {
      status.remove();
      if (notices.length > 0) shadow.append(noticeBox(notices));
      let state;
      const currentText = () => settingsText(state.snapshot(), names);
      const emit = (name, extra = {}) => {
        const detail = { type: messageType(name), state: currentText(), sections: names, ...extra };
        this.dispatchEvent(new CustomEvent(`lab-${name}`, { detail }));
        policy.post(detail);
      };
      const lab = mountLab(shadow, { core, names, settings: values, emit, embedded });
      state = lab.state;
      const panel = embedCodePanel(currentText);
      shadow.querySelector('.lab').append(panel);
      state.watch(['embedCode'], () => {
        const wanted = state.get('embedCode');
        panel.hidden = wanted === 'off' || (wanted === 'auto' && embedded);
      });
      state.onChange(() => {
        if (usesHash) history.replaceState(null, '', `#${new URLSearchParams(currentText())}`);
        emit('state-changed');
      });
      listen({ element: this, emit, commands: labCommands({ state, controls: lab.controls, emit }) }, policy.accepts);

      this.state = state;
      this.setAttribute('ready', '');
      emit('ready');
    }).catch((error) => {
      status.textContent = `The lab could not start: ${error.message}`;
      if (!status.isConnected) shadow.prepend(status);  // removed once the core had loaded
    });
  }
}

if (!customElements.get('embedding-lab')) customElements.define('embedding-lab', EmbeddingLabElement);
