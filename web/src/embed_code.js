// "Embed this": the snippets that reproduce the lab as it is now, as an iframe and as an
// <embedding-lab> element, ready to paste into a course page.
import { el } from './dom.js';
import { defaultText } from './settings.js';
import { siteBase } from './site_base.js';


const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The settings (as text) that differ from the defaults, with the sections always first; never
 * embedCode, which opens this panel for the teacher and is no part of what students see.
 */
function changedSettings(text) {
  return Object.entries(text).filter(([name, value]) => name === 'section' || (name !== 'embedCode' && value !== defaultText(name)));
}

export function iframeSnippet(text) {
  const hash = new URLSearchParams(changedSettings(text)).toString();
  return `<iframe src="${escapeAttribute(`${siteBase}embed.html#${hash}`)}" title="Embedding Lab" width="100%" height="720" loading="lazy"></iframe>`;
}

export function elementSnippet(text) {
  const attributes = changedSettings(text).map(([name, value]) => ` ${name.toLowerCase()}="${escapeAttribute(value)}"`).join('');
  return `<script src="${escapeAttribute(`${siteBase}embedding-lab.js`)}"></script>\n<embedding-lab${attributes}></embedding-lab>`;
}

/** A closed panel; opening it (or pressing Refresh) writes the snippets for the current state. */
export function embedCodePanel(currentText) {
  const iframe = el('textarea', { readonly: true, rows: 3, 'aria-label': 'iframe embed code' });
  const element = el('textarea', { readonly: true, rows: 3, 'aria-label': 'custom element embed code' });
  const status = el('span', { role: 'status', class: 'hint' });
  const refresh = () => {
    const text = currentText();
    iframe.value = iframeSnippet(text);
    element.value = elementSnippet(text);
  };
  const copyButton = (area, what) => el('button', {
    type: 'button',
    onclick: async () => {
      refresh();
      area.select();
      try {
        await navigator.clipboard.writeText(area.value);
        status.textContent = `The ${what} code is copied.`;
      } catch {
        status.textContent = `Copying is blocked here: the ${what} code is selected, press Ctrl+C (or ⌘C).`;
      }
    },
  }, `Copy the ${what} code`);
  const panel = el('details', { class: 'embed', ontoggle: refresh },
    el('summary', {}, 'Embed this in a course page'),
    el('p', {}, 'These snippets reproduce the lab as it is now: its sections, table, context and settings.'),
    el('label', { class: 'field wide' }, el('span', {}, 'As an iframe (works on any host)'), iframe), copyButton(iframe, 'iframe'),
    el('label', { class: 'field wide' }, el('span', {}, 'As an element (one script tag)'), element), copyButton(element, 'element'),
    el('p', {}, status));
  return panel;
}
