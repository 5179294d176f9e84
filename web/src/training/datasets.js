// The bundled datasets (first names of the US census, and English words), in datasets.js beside
// embedding-lab.js, loaded when the training section first needs them: a plain script, so that
// it also loads from file:// and under a strict Content-Security-Policy.
import { siteBase } from '../site_base.js';

let loading;

/** { names, words }: each a text with one example per line. */
export function loadDatasets() {
  loading ??= new Promise((resolve, reject) => {
    if (self.embeddingLabDatasets) return resolve(self.embeddingLabDatasets);
    const script = document.createElement('script');
    script.src = `${siteBase}datasets.js`;
    script.onload = () => resolve(self.embeddingLabDatasets);
    script.onerror = () => reject(new Error(`the datasets could not be loaded from ${script.src}`));
    document.head.append(script);
  });
  return loading;
}
