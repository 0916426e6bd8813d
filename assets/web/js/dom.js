// dom.js -- building the page from data without ever parsing it as HTML.
//
// Every string that comes from the server is scenario text, and scenarios
// travel between trainers: untrusted. So nothing here (or anywhere in
// assets/web) sets innerHTML, outerHTML or insertAdjacentHTML, or writes
// an attribute whose value is code (on*, href/src with a script: URL). A
// string child becomes a text node; attributes go through setAttribute
// except the few properties listed below.

const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'open']);
const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k.startsWith('on')) {
      throw new Error('dom: an event handler must be a function: ' + k);
    } else if (k === 'class') {
      el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : String(v));
    } else if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
    } else if (PROPS.has(k) && !(el instanceof SVGElement)) {
      el[k] = v;
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

// h('p', {class: 'x'}, 'text', child...): an element; strings are text.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

// The same for SVG (sparklines).
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

// The children of el become these, keeping the element that has the focus
// (and where its caret is) when the new content has one with the same
// data-key: a team member typing a rationale is never interrupted by a
// change pushed from the server.
export function replaceChildren(el, ...children) {
  const active = document.activeElement;
  const key = active && el.contains(active) ? active.dataset.key : undefined;
  let caret = null;
  if (key !== undefined && 'selectionStart' in active) {
    try { caret = [active.selectionStart, active.selectionEnd]; } catch (e) { caret = null; }
  }
  el.replaceChildren();
  append(el, children);
  if (key === undefined) return;
  const again = el.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (!again) return;
  again.focus({preventScroll: true});
  if (caret && 'setSelectionRange' in again) {
    try { again.setSelectionRange(caret[0], caret[1]); } catch (e) { /* not a text field */ }
  }
}

// Redraw a section only when what it shows changed: `render` builds its
// children from `data`, and the JSON of data is the section's fingerprint.
const prints = new WeakMap();
export function section(el, data, render) {
  const print = JSON.stringify(data);
  if (prints.get(el) === print) return false;
  prints.set(el, print);
  replaceChildren(el, render(data));
  return true;
}

export function $(sel, root = document) { return root.querySelector(sel); }

// Plural words: n('point', 2) -> "2 points".
export function n(word, count, plural) {
  return `${count} ${count === 1 ? word : (plural || word + 's')}`;
}
