// landing.js -- the page at /: a code typed as the room's screen shows it
// ("K7QF 3MZP XW2A 9") becomes /join/K7QF3MZPXW2A9.
import { $ } from './dom.js';

export function normalizeCode(text) {
  return String(text).replace(/[\s\-–—.]+/g, '');
}

const form = $('#join');
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const code = normalizeCode($('#code').value);
  const err = $('#code-error');
  if (!/^[A-Za-z0-9_]{4,64}$/.test(code)) {
    err.textContent = 'A code is letters and digits, as on the room\'s screen.';
    err.hidden = false;
    $('#code').focus();
    return;
  }
  location.assign('/join/' + encodeURIComponent(code));
});
