// The sections of the lab, in page order. Each has a name (its `section` attribute value), its
// markup (an HTML file whose formulas were typeset at build time) and a mount function that
// fills the markup with numbers from the core.
import lookupHtml from './lookup.html';
import oneHotHtml from './one_hot.html';
import costHtml from './cost.html';
import textHtml from './text_to_tensor.html';
import unembeddingHtml from './unembedding.html';
import directionsHtml from './directions.html';
import trainingHtml from './training.html';
import { mountLookup } from './lookup.js';
import { mountOneHot } from './one_hot.js';
import { mountCost } from './cost.js';
import { mountTextToTensor } from './text_to_tensor.js';
import { mountUnembedding } from './unembedding.js';
import { mountDirections } from './directions.js';
import { mountTraining } from './training.js';

export const sections = [
  { name: 'lookup', title: 'Lookup', html: lookupHtml, mount: mountLookup },
  { name: 'one-hot', title: 'One-hot × W', html: oneHotHtml, mount: mountOneHot },
  { name: 'cost', title: 'The batched form', html: costHtml, mount: mountCost },
  { name: 'text', title: 'Text to tensor', html: textHtml, mount: mountTextToTensor },
  { name: 'unembedding', title: 'Unembedding and softmax', html: unembeddingHtml, mount: mountUnembedding },
  { name: 'directions', title: 'Directions', html: directionsHtml, mount: mountDirections },
  { name: 'training', title: 'Training and sampling', html: trainingHtml, mount: mountTraining },
];
