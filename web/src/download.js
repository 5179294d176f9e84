// Handing the reader a file the page made (a model file, say): a link to a Blob of its text,
// clicked once. Sections 7 and 8 download their models through it.
import { el } from './dom.js';

/** Downloads `text` as a file `name` of MIME type `type`; the link goes into root (a page or a shadow root) for the click. */
export function downloadText(root, name, text, type) {
  const link = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
