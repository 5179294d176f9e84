// The bundled datasets (first names of the US census, and English words), in datasets.js beside
// embedding-lab.js, loaded when the training section first needs them.
import { loadSiteScript } from '../site_script.js';

/** { names, words }: each a text with one example per line. */
export const loadDatasets = () => loadSiteScript('datasets.js', 'embeddingLabDatasets', 'the datasets');
