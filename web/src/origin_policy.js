// Whose commands a lab obeys, and where it sends its events. An element obeys scripts of its own
// page; an iframe obeys its parent page, or, with `origin=` in its hash, only a parent page of
// that origin.
import { quote } from './settings.js';

/** Takes the `origin` parameter out of the hash's params: the origin to obey, or null (any parent). */
export function allowedOrigin(params, notices) {
  const origin = params.get('origin');
  params.delete('origin');
  if (origin === null) return null;
  try {
    if (new URL(origin).origin === origin) return origin;
  } catch { /* falls through to the notice */ }
  notices.push(`origin ${quote(origin)} is not an origin such as https://example.org: messages are taken from the parent page only`);
  return null;
}

/**
 * The policy of a lab: accepts(event) says whether a message's sender may command it; post(data)
 * sends an event to the parent page (in an iframe; an element dispatches DOM events instead).
 */
export function originPolicy({ inIframe, origin }) {
  if (!inIframe) {
    return { accepts: (event) => event.source === window && event.origin === location.origin, post: () => {} };
  }
  return {
    accepts: (event) => event.source === window.parent && (origin === null || event.origin === origin),
    post: (data) => window.parent.postMessage(data, origin ?? '*'),
  };
}
