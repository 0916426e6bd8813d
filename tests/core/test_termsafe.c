/*
 * test_termsafe.c -- text made safe for a terminal: each kind of control
 * character escaped, valid UTF-8 kept, invalid UTF-8 escaped byte by byte,
 * a sequence cut by a buffer held for the next call, and escaping twice
 * the same as once.
 */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "termsafe.h"

static char *safe(const char *s, size_t n)
{
    strbuf b = {0};
    termsafe_add(&b, s, n, 0);
    if (!b.s) sb_add(&b, "", 0);
    return b.s;
}

static void expect(const char *in, const char *want)
{
    char *got = safe(in, strlen(in));
    CHECK_EQ_STR(got, want);
    char *again = safe(got, strlen(got));
    CHECK_EQ_STR(again, got); /* idempotent */
    free(got);
    free(again);
}

static void test_controls(void)
{
    expect("plain text\n\tindented", "plain text\n\tindented");
    expect("\033]0;title\007", "\\x1b]0;title\\x07"); /* OSC: the window's title */
    expect("\033[2J\033[H", "\\x1b[2J\\x1b[H");       /* clear the screen */
    expect("shown\rhidden", "shown\\x0dhidden");      /* CR writes over a line */
    expect("a\177b\001c", "a\\x7fb\\x01c");           /* DEL, C0 */
    expect("\xc2\x9b"
           "2J",
           "\\u009b2J");                                          /* C1 CSI, U+009B */
    expect("\xc2\x80\xc2\x9f\xc2\xa0", "\\u0080\\u009f\xc2\xa0"); /* C1's ends; NBSP kept */
}

static void test_utf8(void)
{
    expect("€ “quoted” 😀 é", "€ “quoted” 😀 é");
    expect("\xff", "\\xff");
    expect("\xc0\xaf", "\\xc0\\xaf");                   /* overlong '/' */
    expect("\xed\xa0\x80", "\\xed\\xa0\\x80");          /* a surrogate */
    expect("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"); /* above U+10FFFF */
    expect("\xe2\x82 x", "\\xe2\\x82 x");               /* cut short, then text */
    expect("\xe2\x82", "\\xe2\\x82");                   /* cut short at the end */
}

/* A stream hands the bytes over in pieces: a character cut between two
   pieces is kept whole. */
static void test_partial(void)
{
    const char *s = "a€b";
    strbuf b = {0};
    size_t used = termsafe_add(&b, s, 3, 1); /* "a" and two bytes of "€" */
    CHECK_EQ_INT(used, 1);
    termsafe_add(&b, s + used, strlen(s) - used, 1);
    CHECK_EQ_STR(b.s, "a€b");
    sb_free(&b);
    strbuf c = {0};
    CHECK_EQ_INT(termsafe_add(&c, "\xff", 1, 1), 1); /* never a start: not held */
    CHECK_EQ_STR(c.s, "\\xff");
    sb_free(&c);
}

int main(void)
{
    test_controls();
    test_utf8();
    test_partial();
    return check_report("termsafe");
}
