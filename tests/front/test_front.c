/*
 * test_front.c -- engine/front's promises that the program's own options do
 * not reach: numbers and custom values (the window's --timer and --size),
 * the edges of the parser, bounded reads, mkdir -p, the line limit of a
 * commands file at its exact edge, and the cap of automatic play.
 *   usage: test_front SOURCE_DIR WORK_DIR (a fresh folder is made inside it)
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "autoplay.h"
#include "../check.h"
#include "cmdfile.h"
#include "fs.h"
#include "opt.h"
#include "script.h"

static const char *tmp;

/* A window-like table: the kinds cli does not use. */
static int check_size(const char *v)
{
    int w, h;
    char end;
    return sscanf(v, "%dx%d%c", &w, &h, &end) == 2 && w >= 320 && h >= 240 ? 0 : -1;
}
enum { P_TIMER, P_SCALE, P_SIZE, P_CONSOLE, P_NOPTS };
static const opt_spec play_opts[P_NOPTS] = {
    [P_TIMER] = OPTION_INT("timer", "MIN", "a discussion timer", 0, 240),
    [P_SCALE] = OPTION_NUMBER("scale", "F", "the size of everything", 0.5, 3),
    [P_SIZE] = OPTION_CUSTOM("size", "WxH", "the window's size", check_size, "WxH, e.g. 1920x1080"),
    [P_CONSOLE] = OPTION_FLAG("console", "the facilitator's console"),
};
static const opt_cmd play_cmd = {"play", "[SCENARIO|SAVE]", 0, 1, "Play in a window.\n", play_opts,
                                 P_NOPTS};

/* Parse a NULL-terminated list of words by play_cmd. */
static int parse(opt_val *v, opt_args *a, char *err, size_t n, ...)
{
    char *argv[16];
    int argc = 0;
    va_list ap;
    va_start(ap, n);
    for (char *w; (w = va_arg(ap, char *)) != NULL && argc < 16;) argv[argc++] = w;
    va_end(ap);
    return opt_parse(&play_cmd, argc, argv, v, a, err, n);
}

static void test_values(void)
{
    opt_val v[P_NOPTS];
    opt_args a;
    char err[1024];
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--timer", "0.2", NULL), OPT_ERROR);
    CHECK_EQ_STR(err, "crisisroom play: --timer takes a whole number from 0 to 240, not '0.2'");
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--timer=241", NULL), OPT_ERROR);
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--timer", "-1", NULL), OPT_ERROR);
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--timer", "15", "x", NULL), OPT_OK);
    CHECK_EQ_INT(v[P_TIMER].i, 15);
    CHECK_EQ_STR(a.v[0], "x");
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--scale=1.25", NULL), OPT_OK);
    CHECK(v[P_SCALE].d == 1.25);
    const char *bad[] = {"nan", "inf", "1e400", " 1", "", "1.5x", "0.49", "3.01"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--scale", bad[i], NULL), OPT_ERROR);
        CHECK_STR_HAS(err, "--scale takes a number from 0.5 to 3, not '");
    }
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--size", "1920x1080", NULL), OPT_OK);
    CHECK_EQ_STR(v[P_SIZE].str, "1920x1080");
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--size", "big", NULL), OPT_ERROR);
    CHECK_EQ_STR(err, "crisisroom play: --size takes WxH, e.g. 1920x1080, not 'big'");
}

static void test_edges(void)
{
    opt_val v[P_NOPTS];
    opt_args a;
    char err[1024];
    /* The last of a repeated option counts; "--" ends the options. */
    CHECK_EQ_INT(
        parse(v, &a, err, sizeof err, "--timer", "1", "--timer", "2", "--", "--console", NULL),
        OPT_OK);
    CHECK_EQ_INT(v[P_TIMER].i, 2);
    CHECK_EQ_INT(v[P_TIMER].given, 2);
    CHECK_EQ_INT(v[P_CONSOLE].given, 0);
    CHECK_EQ_STR(a.v[0], "--console");
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "a", "b", NULL), OPT_ERROR);
    CHECK_EQ_STR(err, "crisisroom play: unexpected argument 'b' (play takes [SCENARIO|SAVE])");
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--console=1", NULL), OPT_ERROR);
    CHECK_EQ_STR(err, "crisisroom play: --console takes no value, not '1'");
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--size", NULL), OPT_ERROR);
    CHECK_EQ_STR(err, "crisisroom play: --size takes WxH, e.g. 1920x1080, and none was given");
    CHECK_EQ_INT(parse(v, &a, err, sizeof err, "--bogus", "-h", NULL), OPT_HELP);
    /* The help is made from the table, in 80 columns. */
    strbuf b = {0};
    opt_help(&play_cmd, &b);
    CHECK_STR_HAS(b.s,
                  "usage: crisisroom play [SCENARIO|SAVE] [--timer MIN] [--scale F] [--size WxH]");
    CHECK_STR_HAS(b.s, "  --timer MIN             a discussion timer (from 0 to 240)\n");
    CHECK_STR_HAS(b.s, "  --console               the facilitator's console\n");
    for (char *line = b.s; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        CHECK_MSG(strcspn(line, "\n") <= 80, "a help line of %zu columns", strcspn(line, "\n"));
    sb_free(&b);
}

static void write_file(const char *path, const char *text, size_t n)
{
    FILE *f = fopen(path, "wb");
    fwrite(text, 1, n, f);
    fclose(f);
}

static void test_files(void)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/a/b/c", tmp);
    CHECK_EQ_INT(fs_mkdirs(p), 0);
    CHECK(fs_is_dir(p));
    CHECK_EQ_INT(fs_mkdirs(p), 0); /* already there */
    snprintf(p, sizeof p, "%s/a/file", tmp);
    write_file(p, "12345", 5);
    snprintf(p, sizeof p, "%s/a/file/d", tmp);
    CHECK_EQ_INT(fs_mkdirs(p), -1);
    CHECK_EQ_INT(errno, ENOTDIR);
}

/* A line of exactly the limit is read; one more byte is refused, and the
   line after it is read whole. */
static void test_lines(void)
{
    static char text[4 * CMDFILE_MAX_LINE], buf[CMDFILE_MAX_LINE + 2];
    size_t n = 0;
    memset(text, 'x', CMDFILE_MAX_LINE), n += CMDFILE_MAX_LINE, text[n++] = '\n';
    memset(text + n, 'y', CMDFILE_MAX_LINE + 1), n += CMDFILE_MAX_LINE + 1, text[n++] = '\n';
    memcpy(text + n, "end\r\n", 5), n += 5;
    memset(text + n, 'z', CMDFILE_MAX_LINE + 1), n += CMDFILE_MAX_LINE + 1; /* no newline */
    char p[4096];
    snprintf(p, sizeof p, "%s/lines", tmp);
    write_file(p, text, n);
    FILE *f = fopen(p, "r");
    CHECK_EQ_INT(cmdfile_read_line(f, buf), 1);
    CHECK_EQ_INT(strlen(buf), CMDFILE_MAX_LINE);
    CHECK_EQ_INT(cmdfile_read_line(f, buf), -1);
    CHECK_EQ_INT(cmdfile_read_line(f, buf), 1);
    CHECK_EQ_STR(buf, "end");
    CHECK_EQ_INT(cmdfile_read_line(f, buf), -1);
    CHECK_EQ_INT(cmdfile_read_line(f, buf), 0);
    fclose(f);
}

/* An apply that takes every command and changes nothing: the game never
   ends, and the loop must stop at its cap. */
static int take_nothing(void *ud, const cmd *c, char *why, size_t whylen)
{
    (void)c, (void)why, (void)whylen;
    ++*(long *)ud;
    return 0;
}

static void test_autoplay(const char *src)
{
    char dir[4096], err[4096];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/mini", src);
    script *s = script_load(dir, NULL, err, sizeof err);
    CHECK_MSG(s != NULL, "%s", err);
    if (!s) return;
    game *g = game_new(script_scenario(s), script_host(s), 1, 0, err, sizeof err);
    long applied = 0;
    autoplay a = {POLICY_RANDOM, 1, take_nothing, NULL, &applied};
    CHECK_EQ_INT(autoplay_run(&a, &g, err, sizeof err), -1);
    CHECK_EQ_STR(err, "no ending after 100000 commands");
    CHECK_EQ_INT(applied, AUTOPLAY_MAX_COMMANDS);
    /* Straight on game_apply, the same game ends. */
    autoplay straight = {POLICY_RANDOM, 1, NULL, NULL, NULL};
    CHECK_EQ_INT(autoplay_run(&straight, &g, err, sizeof err), 0);
    CHECK(g->ended);
    game_free(g);
    script_free(s);
}

int main(int argc, char **argv)
{
    if (argc != 3) return fprintf(stderr, "usage: test_front SOURCE_DIR WORK_DIR\n"), 2;
    static char dir[4096];
    snprintf(dir, sizeof dir, "%s/front-XXXXXX", argv[2]);
    if (!mkdtemp(dir)) return perror(dir), 2;
    tmp = dir;
    test_values();
    test_edges();
    test_files();
    test_lines();
    test_autoplay(argv[1]);
    return check_report("front");
}
