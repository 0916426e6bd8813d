/*
 * html.h -- the one escaping function of every page the program writes
 * (the after-action report, the batch report). Its output is valid UTF-8
 * that is safe as XHTML character data or inside a double- or single-quoted
 * attribute, and that parses as XML 1.0:
 *   - & < > " ' become entities in both contexts;
 *   - newline and tab pass as they are in text; in an attribute they become
 *     &#10; and &#9; (a parser would fold them into spaces);
 *   - every other control character is replaced visibly, never passed raw:
 *     C0 (U+0001-U+001F, CR included) by its Control Pictures sign (ESC is
 *     U+241B "␛"), DEL by U+2421 "␡", C1 (U+0080-U+009F) by U+FFFD "�";
 *   - a byte that does not start valid UTF-8 (stray continuation, overlong
 *     form, surrogate, beyond U+10FFFF) and the non-characters U+FFFE and
 *     U+FFFF become U+FFFD, one per byte or character.
 * NULL is written as nothing.
 */
#ifndef CR_HTML_H
#define CR_HTML_H

#include "util.h"

typedef enum { HTML_TEXT, HTML_ATTR } html_ctx;

void html_esc(strbuf *b, const char *s, html_ctx ctx);
#define html_text(b, s) html_esc((b), (s), HTML_TEXT)
#define html_attr(b, s) html_esc((b), (s), HTML_ATTR)

/* <tag class="cls">text</tag>, the text escaped; cls NULL for none. */
void html_el(strbuf *b, const char *tag, const char *cls, const char *text);

#endif
