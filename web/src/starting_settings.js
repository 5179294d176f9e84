// The settings a lab starts with: from its element's attributes, or, with the `hash` attribute,
// from the page's URL hash (as on the site's index.html and embed.html), whose `origin` parameter
// also says whose messages an iframe obeys.
import { allowedOrigin } from './origin_policy.js';
import { settingsFromAttributes, settingsFromHash } from './settings.js';
import { sectionNames } from './defaults.js';

/**
 * { values, notices, names, usesHash, inIframe, origin, embedded } of an <embedding-lab>
 * element: names are the sections shown; embedded says whether the lab is part of a course page
 * rather than the site's own page of the whole lab (a few sections, an iframe, or the
 * `embedded` attribute of embed.html).
 */
export function startingSettings(element) {
  const usesHash = element.hasAttribute('hash');
  const inIframe = usesHash && window.parent !== window;
  const params = new URLSearchParams(location.hash.slice(1));
  const originNotices = [];
  const origin = usesHash ? allowedOrigin(params, originNotices) : null;
  const { values, notices } = usesHash ? settingsFromHash(`#${params}`) : settingsFromAttributes(element);
  const names = values.section ?? sectionNames;
  const embedded = inIframe || element.hasAttribute('embedded') || names.length < sectionNames.length;
  return { values, notices: [...originNotices, ...notices], names, usesHash, inIframe, origin, embedded };
}
