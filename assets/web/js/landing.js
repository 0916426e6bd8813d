// landing.js -- the page at /: a code typed as the room's screen shows it
// ("K7QX M3PZ 4HTA 9WRE", any case, with or without dashes) opens
// /join/K7QX-M3PZ-4HTA-9WRE. The alphabet is docs/protocol.md's: it has no
// 0, O, 1 or I, which people misread; a code typed with one is wrong.
import { $ } from './dom.js';

const ALPHABET = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{16}$/;
const CODE_LEN = 16;

export function normalizeCode(text) {
  const raw = String(text).toUpperCase().replace(/[^A-Z0-9]/g, '');
  return raw.length === CODE_LEN ? raw.match(/.{4}/g).join('-') : raw;
}

$('#join').addEventListener('submit', (e) => {
  e.preventDefault();
  const code = normalizeCode($('#code').value);
  const err = $('#code-error');
  if (!ALPHABET.test(code.replace(/-/g, ''))) {
    err.textContent = /[01OI]/.test(code)
      ? 'Codes have no 0, O, 1 or I: look again at the room\'s screen.'
      : `A code has ${CODE_LEN} letters and digits, in four groups, as on the room's screen.`;
    err.hidden = false;
    $('#code').focus();
    return;
  }
  // The host answers a wrong code with a bare 403: ask first, and say it here.
  fetch(`/api/state?code=${encodeURIComponent(code)}`, { cache: 'no-store' }).then((r) => {
    if (r.status === 403) {
      err.textContent = 'This code is not valid: check it on the room\'s screen, or ask the facilitator.';
      err.hidden = false;
      $('#code').focus();
    } else {
      location.assign('/join/' + code);
    }
  }, () => {
    err.textContent = 'The host cannot be reached: check that this device is on the room\'s network.';
    err.hidden = false;
  });
});
