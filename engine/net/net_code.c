/*
 * net_code.c -- join codes and participants' tokens: random symbols from
 * the operating system (never the game's seeded generator, so that a seed
 * reveals no code), written in an alphabet people do not misread; the
 * check that text is UTF-8, in and out; a display name made safe.
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "net_int.h"

/* 32 symbols, 5 bits each: no 0, O, 1 or I. */
static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

int net_random_symbols(char *out, int n)
{
    unsigned char bytes[64];
    if (n > (int)sizeof bytes) return -1;
    for (size_t got = 0; got < (size_t)n;) {
        ssize_t r = getrandom(bytes + got, (size_t)n - got, 0);
        if (r < 0 && errno != EINTR) return -1;
        if (r > 0) got += (size_t)r;
    }
    /* A byte's low five bits: 256 is a multiple of 32, so each symbol is
       uniform and carries 5 random bits. */
    for (int i = 0; i < n; i++) out[i] = alphabet[bytes[i] & 31];
    out[n] = '\0';
    return 0;
}

int net_code_norm(const char *in, char out[NET_CODE_LEN + 1])
{
    int k = 0;
    for (const char *p = in; *p; p++) {
        if (!isalnum((unsigned char)*p)) continue;
        char ch = (char)toupper((unsigned char)*p);
        if (k == NET_CODE_LEN || !strchr(alphabet, ch)) return -1;
        out[k++] = ch;
    }
    out[k] = '\0';
    return k == NET_CODE_LEN ? 0 : -1;
}

void net_code_pretty(const char *code, char *out, size_t size)
{
    str_fmt(out, size, "%.4s-%.4s-%.4s-%.4s", code, code + 4, code + 8, code + 12);
}

int net_secret_eq(const char *a, const char *b, size_t n)
{
    unsigned char diff = 0;
    for (size_t i = 0; i < n; i++) diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

/* Valid UTF-8, no NUL: a text frame that is not would be passed on to
   browsers that then drop their connection. */
int net_utf8_ok(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char b = s[i], lo = 0x80, hi = 0xBF;
        int k;
        if (b == 0) return 0;
        if (b < 0x80) continue;
        if (b >= 0xC2 && b <= 0xDF)
            k = 1;
        else if (b >= 0xE0 && b <= 0xEF)
            k = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF; /* no surrogates */
        else if (b >= 0xF0 && b <= 0xF4)
            k = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        else
            return 0;
        if (i + (size_t)k >= n || s[i + 1] < lo || s[i + 1] > hi) return 0;
        for (int j = 2; j <= k; j++)
            if ((s[i + (size_t)j] & 0xC0) != 0x80) return 0;
        i += (size_t)k;
    }
    return 1;
}

char *net_utf8_fix(const char *s, size_t n, size_t *outlen)
{
    strbuf b = {0};
    for (size_t i = 0; i < n;) {
        size_t k = 1;
        while (k < 4 && i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80) k++;
        if (net_utf8_ok((const unsigned char *)s + i, k))
            sb_add(&b, s + i, k);
        else
            sb_puts(&b, "\xEF\xBF\xBD"); /* U+FFFD for what cannot be read */
        i += k;
    }
    sb_add(&b, "", 0);
    *outlen = b.len;
    return b.s;
}

/* A display name: control characters dropped, cut at NET_NAME_MAX bytes
   between characters. */
void net_name_clean(const char *in, char out[NET_NAME_MAX + 1])
{
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)in;
    for (; *p && k < NET_NAME_MAX; p++)
        if (*p >= 0x20 && *p != 0x7f) out[k++] = (char)*p;
    if ((*p & 0xC0) == 0x80) { /* cut inside a character: drop its first bytes */
        while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80) k--;
        if (k > 0) k--;
    }
    out[k] = '\0';
    while (k > 0 && out[k - 1] == ' ') out[--k] = '\0';
}
