// spark.js -- a meter's history as an inline SVG sparkline (no library):
// the line and the area under it (the latest value is printed beside it),
// with a text alternative that reads the values out.
import { svg } from './dom.js';

const W = 100, H = 30, PAD = 3; // viewBox units; the CSS sets the drawn size

export function sparkline(values, lo, hi, label) {
  const vs = values.filter((v) => typeof v === 'number' && isFinite(v));
  if (!(hi > lo)) {
    lo = Math.min(0, ...vs);
    hi = Math.max(100, ...vs);
  }
  const x = (i) => (vs.length < 2 ? W : (i * W) / (vs.length - 1));
  const y = (v) => PAD + (H - 2 * PAD) * (1 - (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo));
  const pts = vs.map((v, i) => `${x(i).toFixed(2)},${y(v).toFixed(2)}`);
  const desc = `${label}: ${vs.join(', ')}`;
  const kids = [svg('title', {}, desc)];
  if (vs.length >= 2) {
    kids.push(svg('path', { class: 'area', d: `M0,${H} L${pts.join(' L')} L${W},${H} Z` }));
    kids.push(svg('polyline', { class: 'line', points: pts.join(' ') }));
  }
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img',
    'aria-label': desc, focusable: 'false' }, ...kids);
}
