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

/* The page every printed document shares (the after-action report, the
   handbook): its box, type and headings; each adds its own rules after. */
#define REPORT_PAGE_CSS                                                                            \
    "*{box-sizing:border-box}\n"                                                                   \
    "body{margin:0;background:#eef1f5;color:var(--ink);font:15px/1.5 'Segoe UI',Roboto,'Noto "     \
    "Sans','DejaVu Sans',Helvetica,Arial,sans-serif}\n"                                            \
    "main{max-width:980px;margin:24px auto;background:#fff;padding:40px 56px;border:1px solid "    \
    "var(--line);border-radius:6px}\n"                                                             \
    "header.cover{border-bottom:3px solid var(--accent);padding-bottom:16px;margin-bottom:24px}\n" \
    ".kicker{margin:0;color:var(--accent);font-weight:600;letter-spacing:.08em;text-transform:"    \
    "uppercase;font-size:12px}\n"                                                                  \
    "h1{margin:6px 0 4px;font-size:28px;line-height:1.25}\n"                                       \
    "h2{margin:36px 0 12px;font-size:20px;color:var(--accent);border-bottom:1px solid "            \
    "var(--line);padding-bottom:4px;break-after:avoid;page-break-after:avoid}\n"                   \
    "h3{margin:20px 0 8px;font-size:16px;break-after:avoid;page-break-after:avoid}\n"

#endif
