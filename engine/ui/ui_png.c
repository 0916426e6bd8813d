/*
 * ui_png.c -- the screenshot as a PNG file, encoded by libpng and written
 * through the one file writer (outfile.h): libpng's output callback streams
 * into outfile_put, so a screenshot replaces its file atomically like every
 * other output, and a failed one leaves the old file as it was.
 *
 * libpng reports errors by longjmp to the setjmp in encode(); nothing that
 * encode() changes after its setjmp is read after the jump.
 */
#include <png.h>
#include <stdio.h>

#include "outfile.h"
#include "ui_app.h"
#include "util.h"

/* zlib's best, on unfiltered rows. The screens are flat colour with
   antialiased text, where libpng's adaptive filters make a 1080p dashboard
   29% larger than no filter (268 KB against 208 KB); level 9 saves another
   6% over the default for 0.14 s a frame, and the files live in the
   repository (docs/screenshots). */
#define PNG_LEVEL  9
#define PNG_FILTER PNG_FILTER_NONE

typedef struct png_out {
    outfile *o;
    char msg[256]; /* libpng's reason, when it gave up */
} png_out;

static void on_error(png_structp png, png_const_charp msg)
{
    png_out *p = png_get_error_ptr(png);
    str_fmt(p->msg, sizeof p->msg, "%s", msg);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
    (void)png, (void)msg; /* e.g. an unknown chunk: nothing we write */
}

/* A failed put is kept by the writer and reported by outfile_close. */
static void put(png_structp png, png_bytep data, size_t n)
{
    outfile_put(((png_out *)png_get_io_ptr(png))->o, data, n);
}

static void flush(png_structp png)
{
    (void)png; /* outfile_close syncs the whole file */
}

/* s holds RGB24 rows. 0, or -1 with out->msg. */
static int encode(png_out *out, const SDL_Surface *s)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, out, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        str_fmt(out->msg, sizeof out->msg, "out of memory for the PNG encoder");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return -1;
    }
    png_set_write_fn(png, out, put, flush);
    png_set_IHDR(png, info, (png_uint_32)s->w, (png_uint_32)s->h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, PNG_LEVEL);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER);
    png_write_info(png, info);
    for (int y = 0; y < s->h; y++)
        png_write_row(png, (png_const_bytep)s->pixels + (size_t)y * (size_t)s->pitch);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return 0;
}

int ui_png_write(const char *path, const SDL_Surface *src, char *err, size_t errlen)
{
    SDL_Surface *s = SDL_ConvertSurfaceFormat((SDL_Surface *)src, SDL_PIXELFORMAT_RGB24, 0);
    if (!s) {
        str_fmt(err, errlen, "cannot convert the frame: %s", SDL_GetError());
        return -1;
    }
    png_out out = {.o = outfile_open(path, err, errlen)};
    int rc = out.o ? encode(&out, s) : -1;
    SDL_FreeSurface(s);
    if (!out.o) return -1;
    if (rc) {
        outfile_abort(out.o);
        str_fmt(err, errlen, "cannot write '%s': %s", path, out.msg);
        return -1;
    }
    return outfile_close(out.o, err, errlen);
}
