// Building page elements. Text is always set as text, never parsed as HTML.

/** An element with attributes (properties, or `on<event>` handlers) and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** An SVG element with attributes and, optionally, text. */
export function svgElement(tag, attributes = {}, text = '') {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text) element.textContent = text;
  return element;
}

/** A <select> of options [{ value, label }] with an accessible name. */
export function select(label, options, selected, onChange) {
  return el('label', { class: 'field' }, el('span', {}, label),
    el('select', { 'aria-label': label, onchange: (event) => onChange(event.target.value) },
      options.map(({ value, label: text }) => el('option', { value: String(value), selected: String(value) === String(selected) }, text))));
}

/** Shows a message in element, or hides it when message is empty. */
export function showMessage(element, message) {
  element.textContent = message ?? '';
  element.hidden = !message;
}

/** Whether element has the focus, in a page or inside a shadow root. */
export function isFocused(element) {
  return element.getRootNode().activeElement === element;
}
