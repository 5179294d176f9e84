// The sections of the lab, in page order (defaults.js lists their names and titles). Each has
// its markup (an HTML file whose formulas were typeset at build time) and a mount function that
// fills the markup with numbers from the core.
import { sectionList } from '../defaults.js';
import lookupHtml from './lookup.html';
import oneHotHtml from './one_hot.html';
import costHtml from './cost.html';
import textHtml from './text_to_tensor.html';
import unembeddingHtml from './unembedding.html';
import directionsHtml from './directions.html';
import trainingHtml from './training.html';
import learnedHtml from './learned.html';
import { mountLookup } from './lookup.js';
import { mountOneHot } from './one_hot.js';
import { mountCost } from './cost.js';
import { mountTextToTensor } from './text_to_tensor.js';
import { mountUnembedding } from './unembedding.js';
import { mountDirections } from './directions.js';
import { mountTraining } from './training.js';
import { mountLearned } from './learned.js';

const parts = {
  lookup: { html: lookupHtml, mount: mountLookup },
  'one-hot': { html: oneHotHtml, mount: mountOneHot },
  cost: { html: costHtml, mount: mountCost },
  text: { html: textHtml, mount: mountTextToTensor },
  unembedding: { html: unembeddingHtml, mount: mountUnembedding },
  directions: { html: directionsHtml, mount: mountDirections },
  training: { html: trainingHtml, mount: mountTraining },
  learned: { html: learnedHtml, mount: mountLearned },
};

/** Each section with its number (its place in the whole lab, as its heading shows it), markup and mount. */
export const sections = sectionList.map((section, i) => ({ ...section, number: i + 1, ...parts[section.name] }));
