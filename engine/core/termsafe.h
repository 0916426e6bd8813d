/*
 * termsafe.h -- text made safe to show on a terminal. A scenario's text,
 * its print, its errors and a save's injects and notes are written by
 * people the facilitator need not trust; raw, an ESC sequence in them could
 * retitle the window (ESC ] 0 ;), clear the screen (ESC [ 2 J), hide text
 * or, with a carriage return, write over what was printed. Here every
 * control character but newline and tab (C0, DEL, and C1 U+0080..U+009F,
 * 8-bit CSI U+009B among them) becomes a visible escape, as do the bytes
 * of invalid UTF-8: "\x1b", "\x0d", "\x7f", "\u009b", "\xff". Valid UTF-8
 * is kept as it is. What comes out holds no control character but newline
 * and tab, so escaping it again changes nothing.
 */
#ifndef CR_TERMSAFE_H
#define CR_TERMSAFE_H

#include <stddef.h>

#include "sb.h"

/* Append s[0..n) to out, escaped. Returns the bytes consumed: n, unless
   partial is set (more bytes follow, as in a stream's buffer) and s ends
   inside a UTF-8 sequence that the next bytes may complete: those last 1
   to 3 bytes are left for the next call. */
size_t termsafe_add(strbuf *out, const char *s, size_t n, int partial);

#endif
