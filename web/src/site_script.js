// Data the page loads only when a section first needs it, from a plain script beside
// embedding-lab.js that sets one global: a script, not a fetch, so that it also loads from
// file:// and under a strict Content-Security-Policy.
import { siteBase } from './site_base.js';

const loading = new Map();  // file -> promise of its global

/** The value of self[name], set by the script `file` of the site (loaded once). */
export function loadSiteScript(file, name, what) {
  if (!loading.has(file)) {
    loading.set(file, new Promise((resolve, reject) => {
      if (self[name]) return resolve(self[name]);
      const script = document.createElement('script');
      script.src = `${siteBase}${file}`;
      script.onload = () => resolve(self[name]);
      script.onerror = () => {
        loading.delete(file);  // a later call tries again
        reject(new Error(`${what} could not be loaded from ${script.src}`));
      };
      document.head.append(script);
    }));
  }
  return loading.get(file);
}
