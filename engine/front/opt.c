/*
 * opt.c -- option tables on getopt_long (see opt.h).
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"

#define OPT_FIRST  256 /* getopt_long's code for opts[0]; below it are its own */
#define HELP_WIDTH 80  /* columns of the help text */
#define HELP_COL   26  /* where an option's line of help starts */

/* Values ----------------------------------------------------------------------- */

/* "random, first or historical" (sep ", ", last " or "), or "a|b|c". */
static void list_words(const char *const *w, const char *sep, const char *last, char *out,
                       size_t size)
{
    out[0] = '\0';
    for (int i = 0; w[i]; i++)
        str_cat(out, size, "%s%s", i == 0 ? "" : w[i + 1] ? sep : last, w[i]);
}

/* What a valid value is, as the refusal says it. */
static void valid_text(const opt_spec *o, char *out, size_t size)
{
    switch (o->kind) {
    case OPT_SEED:
        str_fmt(out, size, "a whole number from 0 to %llu", (unsigned long long)UINT64_MAX);
        break;
    case OPT_INT:
        str_fmt(out, size, "a whole number from %.0f to %.0f", o->min, o->max);
        break;
    case OPT_NUMBER:
        str_fmt(out, size, "a number from %g to %g", o->min, o->max);
        break;
    case OPT_ENUM:
        list_words(o->words, ", ", " or ", out, size);
        break;
    case OPT_CUSTOM:
        str_fmt(out, size, "%s", o->valid);
        break;
    case OPT_FILE:
        str_fmt(out, size, "a file name");
        break;
    default:
        str_fmt(out, size, "a value");
        break;
    }
}

/* strtoull and strtol skip spaces and take a sign; a value is digits only. */
static int whole(const char *v, int sign_ok)
{
    if (sign_ok && *v == '-') v++;
    return isdigit((unsigned char)*v);
}

static int to_seed(const char *v, opt_val *out)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (!whole(v, 0) || *end || errno) return -1;
    out->u = (uint64_t)n;
    return 0;
}

static int to_int(const opt_spec *o, const char *v, opt_val *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (!whole(v, 1) || *end || errno || n < o->min || n > o->max) return -1;
    out->i = n;
    return 0;
}

static int to_number(const opt_spec *o, const char *v, opt_val *out)
{
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (!*v || isspace((unsigned char)*v) || *end || errno || !isfinite(d) || d < o->min ||
        d > o->max)
        return -1;
    out->d = d;
    return 0;
}

static int to_enum(const opt_spec *o, const char *v, opt_val *out)
{
    for (int i = 0; o->words[i]; i++)
        if (strcmp(v, o->words[i]) == 0) return out->e = i, 0;
    return -1;
}

static int convert(const opt_spec *o, const char *v, opt_val *out)
{
    switch (o->kind) {
    case OPT_SEED:
        return to_seed(v, out);
    case OPT_INT:
        return to_int(o, v, out);
    case OPT_NUMBER:
        return to_number(o, v, out);
    case OPT_ENUM:
        return to_enum(o, v, out);
    case OPT_CUSTOM:
        return o->check(v) ? -1 : 0;
    case OPT_FILE:
        return *v ? 0 : -1;
    default:
        return 0;
    }
}

/* Refusals --------------------------------------------------------------------- */

static void bad_value(const opt_cmd *c, const opt_spec *o, const char *v, char *err, size_t n)
{
    char valid[512];
    valid_text(o, valid, sizeof valid);
    if (v)
        str_fmt(err, n, "crisisroom %s: --%s takes %s, not '%s'", c->name, o->name, valid, v);
    else
        str_fmt(err, n, "crisisroom %s: --%s takes %s, and none was given", c->name, o->name,
                valid);
}

/* The options whose names start with the n bytes of word. */
static void matching(const opt_cmd *c, const char *word, size_t n, char *out, size_t size,
                     int *count)
{
    out[0] = '\0';
    *count = 0;
    for (int i = 0; i <= c->nopts; i++) {
        const char *name = i < c->nopts ? c->opts[i].name : "help";
        if (strncmp(name, word, n) != 0) continue;
        str_cat(out, size, "%s--%s", (*count)++ ? ", " : "", name);
    }
}

/* The word getopt_long stopped at: unknown, ambiguous, or a flag with a value. */
static void bad_option(const opt_cmd *c, const char *word, char *err, size_t n)
{
    char names[2048];
    int count;
    const char *name = word + strspn(word, "-");
    size_t len = strcspn(name, "=");
    matching(c, name, len, names, sizeof names, &count);
    if (word[0] == '-' && word[1] == '-' && count > 1) {
        str_fmt(err, n, "crisisroom %s: '%.*s' is ambiguous: %s", c->name, (int)(name - word + len),
                word, names);
        return;
    }
    matching(c, "", 0, names, sizeof names, &count);
    str_fmt(err, n, "crisisroom %s: unknown option '%.*s' (options here: %s)", c->name,
            (int)(name - word + len), word, names);
}

/* Parsing ---------------------------------------------------------------------- */

static int wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return 1;
    return 0;
}

static void long_options(const opt_cmd *c, struct option *lo)
{
    int i = 0;
    for (; i < c->nopts; i++)
        lo[i] = (struct option){c->opts[i].name,
                                c->opts[i].kind == OPT_FLAG ? no_argument : required_argument, NULL,
                                OPT_FIRST + i};
    lo[i++] = (struct option){"help", no_argument, NULL, 'h'};
    lo[i] = (struct option){NULL, 0, NULL, 0};
}

static int add_arg(const opt_cmd *c, opt_args *args, const char *a, char *err, size_t n)
{
    if (args->n >= c->max_args) {
        str_fmt(err, n, "crisisroom %s: unexpected argument '%s' (%s takes %s)", c->name, a,
                c->name, c->args && *c->args ? c->args : "no arguments");
        return -1;
    }
    args->v[args->n++] = a;
    return 0;
}

/* One code from getopt_long: an option's value, an argument, or a refusal. */
static int take(const opt_cmd *c, int code, char **av, opt_val *vals, opt_args *args, char *err,
                size_t n)
{
    if (code == 1) return add_arg(c, args, optarg, err, n);
    if (code == 'h') return OPT_HELP;
    if (code == ':') {
        bad_value(c, &c->opts[optopt - OPT_FIRST], NULL, err, n);
        return -1;
    }
    if (code == '?' && optopt >= OPT_FIRST) { /* --flag=value */
        const char *v = strchr(av[optind - 1], '=');
        str_fmt(err, n, "crisisroom %s: --%s takes no value, not '%s'", c->name,
                c->opts[optopt - OPT_FIRST].name, v ? v + 1 : "");
        return -1;
    }
    if (code < OPT_FIRST) {
        char shortopt[3] = {'-', (char)optopt, 0};
        bad_option(c, optopt ? shortopt : av[optind - 1], err, n);
        return -1;
    }
    const opt_spec *o = &c->opts[code - OPT_FIRST];
    opt_val *v = &vals[code - OPT_FIRST];
    *v = (opt_val){v->given + 1, optarg, 0, 0, 0, 0};
    if (o->kind != OPT_FLAG && convert(o, optarg, v)) {
        bad_value(c, o, optarg, err, n);
        return -1;
    }
    return 0;
}

static int run_getopt(const opt_cmd *c, int argc, char **av, opt_val *vals, opt_args *args,
                      char *err, size_t n)
{
    struct option lo[OPT_MAX_OPTIONS + 2];
    long_options(c, lo);
    optind = 0; /* glibc: start afresh (this may run more than once in a process) */
    opterr = 0;
    int code, rc = 0;
    /* '-': arguments come back in order as code 1; ':': a missing value is ':' */
    while (rc == 0 && (code = getopt_long(argc, av, "-:h", lo, NULL)) != -1)
        rc = take(c, code, av, vals, args, err, n);
    for (int i = optind; rc == 0 && i < argc; i++)
        rc = add_arg(c, args, av[i], err, n); /* after "--" */
    return rc;
}

int opt_parse(const opt_cmd *c, int argc, char **argv, opt_val *vals, opt_args *args, char *err,
              size_t errlen)
{
    if (c->nopts) memset(vals, 0, sizeof *vals * (size_t)c->nopts);
    memset(args, 0, sizeof *args);
    err[0] = '\0';
    if (wants_help(argc, argv)) return OPT_HELP;
    if (c->nopts > OPT_MAX_OPTIONS || c->max_args > OPT_MAX_ARGS) { /* a table too large */
        str_fmt(err, errlen, "crisisroom %s: more than %d options or %d arguments", c->name,
                OPT_MAX_OPTIONS, OPT_MAX_ARGS);
        return OPT_ERROR;
    }
    /* getopt_long reorders what it is given: a copy, with a program name first. */
    char **av = xmalloc(sizeof *av * (size_t)(argc + 2));
    av[0] = "crisisroom";
    memcpy(av + 1, argv, sizeof *av * (size_t)argc);
    av[argc + 1] = NULL;
    int rc = run_getopt(c, argc + 1, av, vals, args, err, errlen);
    free(av);
    if (rc == OPT_HELP) return OPT_HELP;
    if (rc == 0 && args->n < c->min_args) {
        str_fmt(err, errlen, "crisisroom %s: %s is missing (%s takes %s)", c->name, c->args,
                c->name, c->args);
        rc = -1;
    }
    return rc ? OPT_ERROR : OPT_OK;
}

/* Help ------------------------------------------------------------------------- */

/* "--seed N", "--json", "--auto random|first|historical" */
static void label(const opt_spec *o, char *out, size_t size)
{
    char words[512] = "";
    if (o->kind == OPT_ENUM && !o->arg) list_words(o->words, "|", "|", words, sizeof words);
    if (o->kind == OPT_FLAG)
        str_fmt(out, size, "--%s", o->name);
    else
        str_fmt(out, size, "--%s %s", o->name, o->arg ? o->arg : words[0] ? words : "VALUE");
}

void opt_usage(const opt_cmd *c, strbuf *out)
{
    size_t start = out->len;
    sb_printf(out, "usage: crisisroom %s%s%s", c->name, c->args && *c->args ? " " : "",
              c->args ? c->args : "");
    size_t indent = strlen("usage: crisisroom ") + strlen(c->name) + 1, col = out->len - start;
    for (int i = 0; i < c->nopts; i++) {
        char l[600];
        label(&c->opts[i], l, sizeof l);
        size_t w = strlen(l) + 3;
        if (col + w > HELP_WIDTH) {
            sb_printf(out, "\n%*s", (int)indent - 1, "");
            col = indent - 1;
        }
        sb_printf(out, " [%s]", l);
        col += w;
    }
    sb_puts(out, "\n");
}

static void option_line(strbuf *out, const char *l, const opt_spec *o)
{
    int pad = HELP_COL - 2 - (int)strlen(l);
    if (pad < 1)
        sb_printf(out, "  %s\n%*s", l, HELP_COL, "");
    else
        sb_printf(out, "  %s%*s", l, pad, "");
    sb_puts(out, o ? o->help : "print this help and exit");
    if (o && o->kind == OPT_INT) sb_printf(out, " (from %.0f to %.0f)", o->min, o->max);
    if (o && o->kind == OPT_NUMBER) sb_printf(out, " (from %g to %g)", o->min, o->max);
    sb_puts(out, "\n");
}

void opt_help(const opt_cmd *c, strbuf *out)
{
    opt_usage(c, out);
    if (c->about) sb_puts(out, c->about);
    sb_puts(out, "\nOptions:\n");
    for (int i = 0; i < c->nopts; i++) {
        char l[600];
        label(&c->opts[i], l, sizeof l);
        option_line(out, l, &c->opts[i]);
    }
    option_line(out, "-h, --help", NULL);
}
