/*
 * test_html.c -- the one escaping function (both contexts, control
 * characters, broken UTF-8) and the charts of the reports.
 */
#include <stdlib.h>

#include "../check.h"
#include "chart.h"
#include "html.h"

static const char *esc(const char *s, html_ctx ctx)
{
    static strbuf b;
    b.len = 0;
    sb_puts(&b, "");
    html_esc(&b, s, ctx);
    return b.s;
}

#define FFFD "\xef\xbf\xbd"

static void test_specials(void)
{
    CHECK_EQ_STR(esc("a&b<c>\"q\" 'a'", HTML_TEXT), "a&amp;b&lt;c&gt;&quot;q&quot; &#39;a&#39;");
    CHECK_EQ_STR(esc("a&b<c>\"q\" 'a'", HTML_ATTR), "a&amp;b&lt;c&gt;&quot;q&quot; &#39;a&#39;");
    CHECK_EQ_STR(esc("line\n\tnext", HTML_TEXT), "line\n\tnext");
    CHECK_EQ_STR(esc("line\n\tnext", HTML_ATTR), "line&#10;&#9;next");
    CHECK_EQ_STR(esc(NULL, HTML_TEXT), "");
    CHECK_EQ_STR(esc("ë € 😀 Çela", HTML_TEXT), "ë € 😀 Çela"); /* valid UTF-8 passes */
}

static void test_controls(void)
{
    /* C0 as Control Pictures: ESC is ␛, so a terminal sequence shows. */
    CHECK_EQ_STR(esc("\x1b[2J\x01", HTML_TEXT), "␛[2J␁");
    CHECK_EQ_STR(esc("cr\r", HTML_TEXT), "cr␍");
    CHECK_EQ_STR(esc("\x1f", HTML_ATTR), "␟");
    CHECK_EQ_STR(esc("del\x7f", HTML_TEXT), "del␡");
    CHECK_EQ_STR(esc("c1\xc2\x85\xc2\x9f", HTML_TEXT), "c1" FFFD FFFD);
    CHECK_EQ_STR(esc("\xc2\xa0", HTML_TEXT), "\xc2\xa0");                /* U+00A0 is not C1 */
    CHECK_EQ_STR(esc("\xef\xbf\xbe\xef\xbf\xbf", HTML_TEXT), FFFD FFFD); /* non-characters */
}

static void test_broken_utf8(void)
{
    CHECK_EQ_STR(esc("a\xff"
                     "b",
                     HTML_TEXT),
                 "a" FFFD "b");
    CHECK_EQ_STR(esc("\x80", HTML_TEXT), FFFD);                            /* lone continuation */
    CHECK_EQ_STR(esc("\xc0\xaf", HTML_TEXT), FFFD FFFD);                   /* overlong '/' */
    CHECK_EQ_STR(esc("\xe0\x80\xaf", HTML_TEXT), FFFD FFFD FFFD);          /* overlong, 3 bytes */
    CHECK_EQ_STR(esc("\xed\xa0\x80", HTML_TEXT), FFFD FFFD FFFD);          /* a surrogate */
    CHECK_EQ_STR(esc("\xf4\x90\x80\x80", HTML_TEXT), FFFD FFFD FFFD FFFD); /* > U+10FFFF */
    CHECK_EQ_STR(esc("end\xe2\x82", HTML_TEXT), "end" FFFD FFFD);          /* cut short */
    CHECK_EQ_STR(esc("\xe2\x82<", HTML_TEXT), FFFD FFFD "&lt;");           /* resumes after */
}

/* Which bytes a page may hold raw: none below 0x20 but newline and tab
   (text only), no DEL, no C1 sequence, and nothing of the five specials. */
static int safe(const char *s, html_ctx ctx)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 && !(ctx == HTML_TEXT && (*p == '\n' || *p == '\t'))) return 0;
        if (*p == 0x7f || *p == '<' || *p == '>' || *p == '"' || *p == '\'') return 0;
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) return 0;
    }
    return 1;
}

/* Every string of one to two bytes, in both contexts. */
static void test_every_pair(void)
{
    int bad = 0;
    for (int c = 1; c < 256; c++)
        for (int d = 0; d < 256; d++) {
            char s[3] = {(char)c, (char)d, 0};
            if (!safe(esc(s, HTML_TEXT), HTML_TEXT) || !safe(esc(s, HTML_ATTR), HTML_ATTR)) bad++;
        }
    CHECK_EQ_INT(bad, 0);
}

static void test_el(void)
{
    strbuf b = {0};
    html_el(&b, "td", "why pre", "a < b");
    html_el(&b, "p", NULL, "\x07");
    CHECK_EQ_STR(b.s, "<td class=\"why pre\">a &lt; b</td><p>␇</p>");
    sb_free(&b);
}

static void test_charts(void)
{
    strbuf b = {0};
    const char *labels[] = {"Win & <lose>", "\x1b[31mred"};
    long v[] = {1, 3};
    chart_bars(&b, labels, v, 2, 4);
    /* Labels are the table's text, which wraps: nothing can hide them. */
    CHECK_STR_HAS(b.s, "<th scope=\"row\">Win &amp; &lt;lose&gt;</th>");
    CHECK_STR_HAS(b.s, ">␛[31mred</th>");
    CHECK_STR_HAS(b.s, "class=\"bar\" width=\"25.0\""); /* a quarter of the 100-unit bar */
    CHECK_STR_HAS(b.s, "<td class=\"n\">3 (75.0%)</td>");
    CHECK(!strstr(b.s, "<text")); /* no label drawn in the SVG, where it would be clipped */
    b.len = 0;
    chart_bars(&b, labels, v, 2, 0); /* nothing to share: empty bars */
    CHECK_STR_HAS(b.s, "class=\"bar\" width=\"0.0\"");
    CHECK(!strstr(b.s, "nan") && !strstr(b.s, "inf"));

    def_meter m = {.id = "m1", .name = "Trust \"in\"\nus", .min = 0, .max = 100, .hidden = 1};
    double hist[] = {50, 150, -20};
    b.len = 0;
    chart_meter(&b, &m, hist, 2);
    CHECK_STR_HAS(b.s, "data-meter=\"m1\"");
    CHECK_STR_HAS(b.s, "aria-label=\"Trust &quot;in&quot;&#10;us by turn\"");
    CHECK_STR_HAS(b.s, "class=\"line hidden\"");
    /* Outside the bounds is drawn at the bound (y 14 top, 176 bottom). */
    CHECK_STR_HAS(b.s, "points=\"46.0,95.0 256.0,14.0 466.0,176.0\"");
    CHECK_STR_HAS(b.s, "<title>turn 1: 150</title>");
    sb_free(&b);
}

int main(void)
{
    test_specials();
    test_controls();
    test_broken_utf8();
    test_every_pair();
    test_el();
    test_charts();
    return check_report("html");
}
