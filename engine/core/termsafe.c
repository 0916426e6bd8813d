/*
 * termsafe.c -- see termsafe.h. UTF-8 is checked as RFC 3629 defines it
 * (no overlong forms, no surrogates, nothing above U+10FFFF), so that what
 * is kept is what a terminal decodes as the same characters.
 */
#include "termsafe.h"

/* The bytes of a sequence whose first byte is b (0: b cannot start one),
   and the range its second byte must lie in. */
static int seq_len(unsigned char b, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80, *hi = 0xBF;
    if (b < 0x80) return 1;
    if (b < 0xC2) return 0; /* a continuation byte, or an overlong lead */
    if (b < 0xE0) return 2;
    if (b < 0xF0) {
        if (b == 0xE0) *lo = 0xA0; /* overlong below */
        if (b == 0xED) *hi = 0x9F; /* surrogates above */
        return 3;
    }
    if (b > 0xF4) return 0;
    if (b == 0xF0) *lo = 0x90; /* overlong below */
    if (b == 0xF4) *hi = 0x8F; /* above U+10FFFF */
    return 4;
}

/* How many bytes of s[0..n) form the valid sequence that starts it: its
   length, 0 when invalid, -1 when valid so far but cut off by n. */
static int valid_prefix(const unsigned char *s, size_t n)
{
    unsigned char lo, hi;
    int len = seq_len(s[0], &lo, &hi);
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n) return -1;
        if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF)) return 0;
    }
    return len;
}

static int is_control(unsigned char b)
{
    return (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F;
}

size_t termsafe_add(strbuf *out, const char *text, size_t n, int partial)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        int len = valid_prefix(s + i, n - i);
        if (len < 0 && partial) break; /* the rest comes with the next bytes */
        if (len == 1 && !is_control(s[i])) {
            size_t j = i + 1; /* a run of plain ASCII at once */
            while (j < n && s[j] < 0x80 && !is_control(s[j])) j++;
            sb_add(out, text + i, j - i);
            i = j;
        } else if (len == 2 && s[i] == 0xC2 && s[i + 1] < 0xA0) {
            sb_printf(out, "\\u%04x", s[i + 1]); /* C1: U+0080..U+009F */
            i += 2;
        } else if (len > 1) {
            sb_add(out, text + i, (size_t)len);
            i += (size_t)len;
        } else {
            sb_printf(out, "\\x%02x", s[i]); /* a control byte, or not UTF-8 */
            i++;
        }
    }
    return i;
}
