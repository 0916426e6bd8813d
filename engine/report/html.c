/*
 * html.c -- see html.h.
 */
#include "html.h"

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

/* The code point of the valid UTF-8 sequence at s, its length in *n; -1
   (with *n = 1) when s does not start one. Reads no further than a
   terminator, which is never a continuation byte. */
static long utf8_next(const unsigned char *s, int *n)
{
    static const long least[] = {0, 0, 0x80, 0x800, 0x10000}; /* shorter is overlong */
    int len = s[0] < 0x80   ? 1
              : s[0] < 0xc0 ? 0
              : s[0] < 0xe0 ? 2
              : s[0] < 0xf0 ? 3
              : s[0] < 0xf8 ? 4
                            : 0;
    *n = 1;
    if (len == 0) return -1;
    long cp = len == 1 ? s[0] : s[0] & (0x3f >> (len - 1));
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) return -1;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    if (cp < least[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
    *n = len;
    return cp;
}

/* What stands for c, or NULL when it passes as it is. */
static const char *replacement(long c, html_ctx ctx)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    case '\n':
        return ctx == HTML_ATTR ? "&#10;" : NULL;
    case '\t':
        return ctx == HTML_ATTR ? "&#9;" : NULL;
    case 0x7f:
        return "\xe2\x90\xa1"; /* U+2421 SYMBOL FOR DELETE */
    case 0xfffe:
    case 0xffff:
    case -1:
        return REPLACEMENT;
    default:
        return c >= 0x80 && c <= 0x9f ? REPLACEMENT : NULL;
    }
}

void html_esc(strbuf *b, const char *s, html_ctx ctx)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        int n;
        long c = utf8_next(p, &n);
        const char *rep = replacement(c, ctx);
        if (rep)
            sb_puts(b, rep);
        else if (c < 0x20 && c != '\n' && c != '\t') {
            /* C0 as its Control Pictures sign, U+2400 + c. */
            char pic[3] = {'\xe2', '\x90', (char)(0x80 + c)};
            sb_add(b, pic, 3);
        } else
            sb_add(b, (const char *)p, (size_t)n);
        p += n;
    }
}

void html_el(strbuf *b, const char *tag, const char *cls, const char *text)
{
    sb_printf(b, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    html_text(b, text);
    sb_printf(b, "</%s>", tag);
}
