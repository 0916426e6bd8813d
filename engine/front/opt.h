/*
 * opt.h -- the options of a subcommand, declared once in a table from which
 * both the parser and the help text are made, so they cannot disagree.
 *
 * Parsing is getopt_long's: "--seed 5" and "--seed=5" are the same, an
 * unambiguous prefix ("--se") names its option, options and arguments mix
 * in any order, and "--" ends the options. Every table also has -h/--help.
 * A value is checked against its kind, and a bad one is refused in one
 * wording that names the option and what is valid:
 *
 *   crisisroom text: --seed takes a whole number from 0 to 18446744073709551615, not 'abc'
 *
 * An unknown option is named with the ones that exist; a missing argument
 * or a surplus one is named with the usage line. Nothing is printed here:
 * the caller prints err, or the help (opt_help) when asked for.
 */
#ifndef CR_OPT_H
#define CR_OPT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define OPT_MAX_OPTIONS 40 /* options in one table (getopt_long's array is on the stack) */
#define OPT_MAX_ARGS    8  /* positional arguments of one subcommand */

typedef enum {
    OPT_FLAG,   /* no value: --json */
    OPT_SEED,   /* a whole number from 0 to 2^64-1 (uint64_t) */
    OPT_INT,    /* a whole number from min to max (long) */
    OPT_NUMBER, /* a decimal number from min to max, e.g. 1.5 (double) */
    OPT_STRING, /* any text, even empty */
    OPT_FILE,   /* a path: any text but empty ("-" may mean stdin or stdout) */
    OPT_ENUM,   /* one of words[]: the value is its index */
    OPT_CUSTOM  /* accepted when check() returns 0; `valid` says what is */
} opt_kind;

typedef struct opt_spec {
    const char *name; /* without the dashes: "seed" */
    opt_kind kind;
    const char *arg;             /* the value in the help: "N", "FILE" (OPT_ENUM: the words) */
    const char *help;            /* one line */
    double min, max;             /* OPT_INT and OPT_NUMBER */
    const char *const *words;    /* OPT_ENUM: NULL-terminated */
    int (*check)(const char *v); /* OPT_CUSTOM */
    const char *valid;           /* OPT_CUSTOM: "WxH, e.g. 1920x1080" */
} opt_spec;

/* Table entries by kind, so that a table reads one option a line. */
// clang-format off
#define OPTION_FLAG(n, h)              {.name = n, .kind = OPT_FLAG, .help = h}
#define OPTION_SEED(n, a, h)           {.name = n, .kind = OPT_SEED, .arg = a, .help = h}
#define OPTION_INT(n, a, h, lo, hi)    {.name = n, .kind = OPT_INT, .arg = a, .help = h, \
                                        .min = lo, .max = hi}
#define OPTION_NUMBER(n, a, h, lo, hi) {.name = n, .kind = OPT_NUMBER, .arg = a, .help = h, \
                                        .min = lo, .max = hi}
#define OPTION_STRING(n, a, h)         {.name = n, .kind = OPT_STRING, .arg = a, .help = h}
#define OPTION_FILE(n, a, h)           {.name = n, .kind = OPT_FILE, .arg = a, .help = h}
#define OPTION_ENUM(n, w, h)           {.name = n, .kind = OPT_ENUM, .help = h, .words = w}
#define OPTION_CUSTOM(n, a, h, fn, v)  {.name = n, .kind = OPT_CUSTOM, .arg = a, .help = h, \
                                        .check = fn, .valid = v}
// clang-format on

/* --lang, in every command that shows a scenario's text (lang.h); the
   parser's caller hands it to lang_select. */
#define OPTION_LANG                                                                                \
    OPTION_STRING("lang", "LL", "in language LL: the interface and SCENARIO/lang/LL.po")
#define OPTION_CHECK_LANG                                                                          \
    OPTION_STRING("lang", "LL", "warn of SCENARIO/lang/LL.po's untranslated and stale strings")

/* A subcommand: its name, its positional arguments and its options. */
typedef struct opt_cmd {
    const char *name; /* "text", or "play" */
    const char *args; /* for the usage line: "SCENARIO [FILE]" */
    int min_args, max_args;
    const char *about; /* what the subcommand does: lines ending in '\n' */
    const opt_spec *opts;
    int nopts;
} opt_cmd;

/* What was given for one option (vals[i] belongs to opts[i]). When an
   option is given twice, the last one counts. */
typedef struct opt_val {
    int given;       /* times given; 0: every field below is 0 or NULL */
    const char *str; /* the value as written (NULL for a flag) */
    uint64_t u;      /* OPT_SEED */
    long i;          /* OPT_INT */
    double d;        /* OPT_NUMBER */
    int e;           /* OPT_ENUM: the index in words */
} opt_val;

typedef struct opt_args {
    const char *v[OPT_MAX_ARGS];
    int n;
} opt_args;

enum { OPT_OK = 0, OPT_HELP = 1, OPT_ERROR = -1 };

/* Parse argv[0..argc) (the words after the subcommand's name; argv itself
   is not changed). OPT_OK; OPT_HELP when -h or --help was among them (the
   rest is not checked); OPT_ERROR with one line in err,
   "crisisroom NAME: ...". vals has c->nopts entries. */
int opt_parse(const opt_cmd *c, int argc, char **argv, opt_val *vals, opt_args *args, char *err,
              size_t errlen);

/* The usage line(s): "usage: crisisroom NAME ARGS [--opt V] ...", wrapped
   at 80 columns. */
void opt_usage(const opt_cmd *c, strbuf *out);
/* The whole help: usage, about, then every option with its line. */
void opt_help(const opt_cmd *c, strbuf *out);

#endif
