/*
 * ui_png.c -- a small PNG writer, so that screenshot mode needs no image
 * library. The image data is compressed with deflate's fixed Huffman codes
 * and a one-candidate LZ77 match finder: user-interface screenshots are
 * mostly flat colour, which this shrinks enough to keep them in the
 * repository (a stored-only encoder would write 6 MB per 1080p frame).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "ui_app.h"
#include "util.h"

typedef struct buf {
    unsigned char *p;
    size_t n, cap;
    uint64_t bits; /* pending bits, LSB first */
    int nbits;
} buf;

static void put(buf *b, unsigned char c)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 65536;
        b->p = xrealloc(b->p, b->cap);
    }
    b->p[b->n++] = c;
}

static void put32(buf *b, uint32_t v)
{
    for (int i = 3; i >= 0; i--) put(b, (unsigned char)(v >> (8 * i)));
}

static void bits(buf *b, uint32_t v, int n)
{
    b->bits |= (uint64_t)v << b->nbits;
    b->nbits += n;
    while (b->nbits >= 8) put(b, (unsigned char)b->bits), b->bits >>= 8, b->nbits -= 8;
}

/* Huffman codes go most significant bit first. */
static void code(buf *b, uint32_t c, int n)
{
    uint32_t r = 0;
    for (int i = 0; i < n; i++) r |= ((c >> i) & 1u) << (n - 1 - i);
    bits(b, r, n);
}

static void literal(buf *b, int v)
{
    if (v < 144)
        code(b, 0x30 + v, 8);
    else if (v < 256)
        code(b, 0x190 + v - 144, 9);
    else if (v < 280)
        code(b, v - 256, 7);
    else
        code(b, 0xC0 + v - 280, 8);
}

static const int lbase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                              31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const int lext[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                             2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const int dbase[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                              33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                              1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const int dext[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                             6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

static void match(buf *b, int len, int dist)
{
    int i = 28;
    while (lbase[i] > len) i--;
    literal(b, 257 + i);
    bits(b, (uint32_t)(len - lbase[i]), lext[i]);
    int d = 29;
    while (dbase[d] > dist) d--;
    code(b, (uint32_t)d, 5);
    bits(b, (uint32_t)(dist - dbase[d]), dext[d]);
}

#define HBITS  16
#define WINDOW 32768

static void deflate_fixed(buf *b, const unsigned char *d, size_t n)
{
    int *head = xmalloc(sizeof(int) * (1u << HBITS));
    for (size_t i = 0; i < (1u << HBITS); i++) head[i] = -1;
    bits(b, 1, 1); /* the final block */
    bits(b, 1, 2); /* fixed Huffman codes */
    size_t i = 0;
    while (i < n) {
        int len = 0, dist = 0;
        if (i + 3 <= n) {
            uint32_t h = ((uint32_t)d[i] << 16 | d[i + 1] << 8 | d[i + 2]) * 2654435761u;
            h >>= 32 - HBITS;
            int cand = head[h];
            head[h] = (int)i;
            if (cand >= 0 && i - (size_t)cand <= WINDOW) {
                size_t max = n - i < 258 ? n - i : 258;
                while ((size_t)len < max && d[cand + len] == d[i + len]) len++;
                dist = (int)(i - (size_t)cand);
            }
        }
        if (len >= 3) {
            match(b, len, dist);
            i += (size_t)len;
        } else {
            literal(b, d[i++]);
        }
    }
    literal(b, 256);
    if (b->nbits) bits(b, 0, 8 - b->nbits);
    free(head);
}

static uint32_t crc_table[256];

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    if (!crc_table[1])
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            crc_table[i] = c;
        }
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static uint32_t adler32_of(const unsigned char *p, size_t n)
{
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; i++) a = (a + p[i]) % 65521, b = (b + a) % 65521;
    return b << 16 | a;
}

static void chunk(buf *out, const char *type, const unsigned char *data, size_t n)
{
    put32(out, (uint32_t)n);
    size_t start = out->n;
    for (int i = 0; i < 4; i++) put(out, (unsigned char)type[i]);
    for (size_t i = 0; i < n; i++) put(out, data[i]);
    put32(out, crc32_of(out->p + start, out->n - start));
}

/* Rows of RGB bytes, each behind a filter byte 0 (none). */
static unsigned char *raw_rgb(SDL_Surface *s, size_t *n)
{
    size_t stride = (size_t)s->w * 3 + 1;
    unsigned char *raw = xmalloc(stride * (size_t)s->h);
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * s->pitch);
        unsigned char *o = raw + (size_t)y * stride;
        *o++ = 0;
        for (int x = 0; x < s->w; x++) SDL_GetRGB(row[x], s->format, &o[0], &o[1], &o[2]), o += 3;
    }
    *n = stride * (size_t)s->h;
    return raw;
}

int ui_png_write(const char *path, const SDL_Surface *src, char *err, size_t errlen)
{
    SDL_Surface *s = SDL_ConvertSurfaceFormat((SDL_Surface *)src, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!s) {
        str_fmt(err, errlen, "cannot convert the frame: %s", SDL_GetError());
        return -1;
    }
    size_t n;
    unsigned char *raw = raw_rgb(s, &n);
    buf z = {0}, out = {0};
    put(&z, 0x78), put(&z, 0x01);
    deflate_fixed(&z, raw, n);
    put32(&z, adler32_of(raw, n));
    static const unsigned char sig[8] = {137, 80, 78, 71, 13, 10, 26, 10};
    for (int i = 0; i < 8; i++) put(&out, sig[i]);
    unsigned char ihdr[13] = {0};
    for (int i = 0; i < 4; i++) ihdr[i] = (unsigned char)((uint32_t)s->w >> (24 - 8 * i));
    for (int i = 0; i < 4; i++) ihdr[4 + i] = (unsigned char)((uint32_t)s->h >> (24 - 8 * i));
    ihdr[8] = 8, ihdr[9] = 2; /* 8 bits per channel, RGB */
    chunk(&out, "IHDR", ihdr, 13);
    chunk(&out, "IDAT", z.p, z.n);
    chunk(&out, "IEND", NULL, 0);
    SDL_FreeSurface(s);
    free(raw), free(z.p);
    int rc = outfile_write(path, out.p, out.n, err, errlen); /* the one file writer */
    free(out.p);
    return rc;
}
