/*
 * cmd.c -- parsing and printing the command language (see cmd.h): every
 * expectation of the parser is read from the arguments in CMD_LIST.
 */
#include "cmd.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CMD_SPEC_(kind, name, args, who, help) {name, args, NULL, who, 1, help},
const cmd_spec cmd_specs[CMD_COUNT] = {CMD_LIST(CMD_SPEC_)};
#define CMD_LOOK_SPEC_(kind, name, args, alias, help) {name, args, alias, CMD_BY_TEAM, 0, help},
const cmd_spec cmd_look_specs[CMD_LOOK_COUNT] = {CMD_LOOK_LIST(CMD_LOOK_SPEC_)};
#define CMD_NAME_(kind, name, ...) name,
const char *const cmd_names[CMD_COUNT] = {CMD_LIST(CMD_NAME_)};

/* The table, read ------------------------------------------------------------ */

#define MAX_WORDS 40 /* before " -- ": a title of 30 words and options; more is an error */
#define MAX_SLOTS 4  /* arguments a command may declare before "--" */
#define WHAT_MAX  16 /* an argument's name in messages ("event", "role") */

typedef enum { SLOT_WORD, SLOT_VALUE, SLOT_TITLE } slot_type;
typedef enum { REST_NONE, REST_OPTIONAL, REST_REQUIRED } rest_rule;

/* What a command's arguments say the parser must find. */
typedef struct shape {
    int lo, hi;    /* words after the name */
    int free_text; /* TEXT alone: the rest of the line */
    rest_rule rest;
    char rest_what[WHAT_MAX]; /* "reason" */
    int nslots;
    slot_type slot[MAX_SLOTS];
    char what[MAX_SLOTS][WHAT_MAX]; /* "event", for messages */
    int nflags, flags_at;           /* options, and the slots declared before them */
    char flag[CMD_MAX_FLAGS][WHAT_MAX];
} shape;

/* "[ROLE|all]" -> "role": the word as messages name it. */
static void word_name(const char *w, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n && w[i] != '|' && k + 1 < WHAT_MAX; i++)
        if (w[i] != '[' && w[i] != ']') out[k++] = (char)tolower((unsigned char)w[i]);
    out[k] = '\0';
}

/* "[via=CHANNEL]": an option named "via". */
static int add_flag(shape *sh, const char *w, size_t n)
{
    const char *eq = memchr(w, '=', n);
    if (!eq || w[0] != '[' || sh->nflags == CMD_MAX_FLAGS) return 0;
    if (!sh->nflags) sh->flags_at = sh->nslots;
    word_name(w, (size_t)(eq - w), sh->flag[sh->nflags++]);
    if (sh->hi != INT_MAX) sh->hi++;
    return 1;
}

static void add_slot(shape *sh, const char *w, size_t n)
{
    int optional = w[0] == '[';
    char name[WHAT_MAX];
    if (add_flag(sh, w, n)) return;
    word_name(w, n, name);
    if (strcmp(name, "text") == 0 && sh->nslots == 0) {
        sh->free_text = 1;
        return;
    }
    /* N, a record's number, is read as a number too (game_apply checks it). */
    slot_type t =
        strcmp(name, "value") == 0 || strcmp(name, "minutes") == 0 || strcmp(name, "n") == 0
            ? SLOT_VALUE
        : strcmp(name, "title") == 0 ? SLOT_TITLE
                                     : SLOT_WORD;
    sh->slot[sh->nslots] = t;
    memcpy(sh->what[sh->nslots++], name, WHAT_MAX);
    if (!optional) sh->lo++;
    sh->hi = t == SLOT_TITLE ? INT_MAX : sh->hi + 1;
}

static void shape_of(const cmd_spec *s, shape *sh)
{
    memset(sh, 0, sizeof *sh);
    sh->flags_at = -1;
    for (const char *p = s->args; *p;) {
        size_t n = strcspn(p, " ");
        if (strncmp(p, "--", 2) == 0 || strncmp(p, "[--", 3) == 0) {
            sh->rest = p[0] == '[' ? REST_OPTIONAL : REST_REQUIRED;
            p += n + strspn(p + n, " ");
            word_name(p, strcspn(p, " "), sh->rest_what);
            return; /* the text's name ends the arguments */
        }
        if (sh->nslots < MAX_SLOTS) add_slot(sh, p, n);
        p += n + strspn(p + n, " ");
    }
}

void cmd_usage(const cmd_spec *s, char *buf, size_t size)
{
    str_fmt(buf, size, "%s%s%s", s->name, s->args[0] ? " " : "", s->args);
}

static int find_in(const cmd_spec *t, int count, const char *word, size_t n)
{
    for (int k = 0; k < count; k++) {
        const char *a = t[k].alias;
        if ((strlen(t[k].name) == n && strncmp(word, t[k].name, n) == 0) ||
            (a && strlen(a) == n && strncmp(word, a, n) == 0))
            return k;
    }
    return -1;
}

int cmd_find(const char *word, size_t n)
{
    return find_in(cmd_specs, CMD_COUNT, word, n);
}

int cmd_look_find(const char *word, size_t n)
{
    return find_in(cmd_look_specs, CMD_LOOK_COUNT, word, n);
}

static void list_names(const cmd_spec *t, int count, char *err, size_t errlen)
{
    for (int k = 0; k < count; k++) str_cat(err, errlen, "%s%s", k ? " " : "", t[k].name);
}

/* Copy a word the user typed into a message: a stray key (an escape
   sequence) would otherwise be played back to the terminal and vanish. */
static void safe_word(const char *word, size_t n, char *out, size_t size)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < size; i++) {
        unsigned char ch = (unsigned char)word[i];
        out[k++] = ch < 32 || ch == 127 ? '?' : (char)ch;
    }
    out[k] = '\0';
}

void cmd_unknown(const char *word, size_t n, int look, char *err, size_t errlen)
{
    char w[41];
    safe_word(word, n, w, sizeof w);
    str_fmt(err, errlen, "unknown command '%s'; commands are: ", w);
    list_names(cmd_specs, CMD_COUNT, err, errlen);
    if (!look) return;
    str_cat(err, errlen, "; to look around: ");
    list_names(cmd_look_specs, CMD_LOOK_COUNT, err, errlen);
}

/* The column of the help: a usage longer than this stands on its own line
   (the help then fits 80 columns: the longest usage beside it is 39). */
#define HELP_COLUMN 40

static void help_group(strbuf *out, const char *title, const cmd_spec *t, int count, int who,
                       int width)
{
    sb_printf(out, "%s\n", title);
    for (int k = 0; k < count; k++) {
        if (who >= 0 && t[k].who != (cmd_who)who) continue;
        char use[256];
        cmd_usage(&t[k], use, sizeof use);
        if ((int)strlen(use) > width)
            sb_printf(out, "  %s\n  %-*s  %s\n", use, width, "", t[k].help);
        else
            sb_printf(out, "  %-*s  %s\n", width, use, t[k].help);
    }
}

void cmd_help(strbuf *out)
{
    int width = 0;
    char use[256];
    for (int k = 0; k < CMD_COUNT + CMD_LOOK_COUNT; k++) {
        cmd_usage(k < CMD_COUNT ? &cmd_specs[k] : &cmd_look_specs[k - CMD_COUNT], use, sizeof use);
        if ((int)strlen(use) > width && (int)strlen(use) <= HELP_COLUMN) width = (int)strlen(use);
    }
    help_group(out, "A team's moves (journaled):", cmd_specs, CMD_COUNT, CMD_BY_TEAM, width);
    help_group(out, "The facilitator's commands (journaled):", cmd_specs, CMD_COUNT,
               CMD_BY_FACILITATOR, width);
    help_group(out, "At the terminal, to look around (not journaled):", cmd_look_specs,
               CMD_LOOK_COUNT, -1, width);
}

int cmd_is_blank(const char *line)
{
    while (*line && isspace((unsigned char)*line)) line++;
    return *line == '\0' || *line == '#';
}

/* Parsing ------------------------------------------------------------------- */

typedef struct toks {
    char v[MAX_WORDS][CMD_TITLE_MAX];
    int n;
    const char *rest; /* text after " -- ", or NULL */
    int overflow;
} toks;

/* Split "words ... -- free text" into at most MAX_WORDS words and the text. */
static void tokenize(const char *line, toks *t)
{
    memset(t, 0, sizeof *t);
    const char *p = line;
    for (;;) {
        while (*p && isspace((unsigned char)*p)) p++;
        if (!*p) return;
        if (p[0] == '-' && p[1] == '-' && (p[2] == '\0' || isspace((unsigned char)p[2]))) {
            p += 2;
            while (*p && isspace((unsigned char)*p)) p++;
            t->rest = p;
            return;
        }
        const char *s = p;
        while (*p && !isspace((unsigned char)*p)) p++;
        if (t->n == MAX_WORDS || (size_t)(p - s) >= CMD_TITLE_MAX) {
            t->overflow = 1;
            return;
        }
        memcpy(t->v[t->n], s, (size_t)(p - s));
        t->v[t->n++][p - s] = '\0';
    }
}

/* Copy free text without trailing blanks or the line end. */
static int copy_text(char *dst, size_t size, const char *src, char *err, size_t errlen)
{
    size_t n = strlen(src);
    while (n && isspace((unsigned char)src[n - 1])) n--;
    if (n >= size) {
        str_fmt(err, errlen, "text too long (%zu bytes; at most %zu)", n, size - 1);
        return -1;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
    return 0;
}

static int copy_token(char *dst, const char *src, const char *what, char *err, size_t errlen)
{
    if (strlen(src) >= CMD_TOKEN_MAX) {
        str_fmt(err, errlen, "%s '%.20s...' is too long (at most %d characters)", what, src,
                CMD_TOKEN_MAX - 1);
        return -1;
    }
    strcpy(dst, src);
    return 0;
}

static int usage(const cmd_spec *s, const char *why, char *err, size_t errlen)
{
    char use[256];
    cmd_usage(s, use, sizeof use);
    str_fmt(err, errlen, "usage: %s%s", use, why);
    return -1;
}

static int parse_value(const char *s, double *v, char *err, size_t errlen)
{
    char *end;
    *v = strtod(s, &end);
    if (end == s || *end || !isfinite(*v)) {
        str_fmt(err, errlen, "'%s' is not a number", s);
        return -1;
    }
    return 0;
}

/* The title is every word from the w-th to " -- ", spaces kept. Skip the
   words before it by position: a role's name may also occur inside
   "inject". */
static int parse_title(const toks *t, const char *line, int w, cmd *c, char *err, size_t errlen)
{
    const char *s = line;
    for (int k = 0; k < w; k++) {
        while (isspace((unsigned char)*s)) s++;
        while (*s && !isspace((unsigned char)*s)) s++;
    }
    while (isspace((unsigned char)*s)) s++;
    const char *e = t->rest ? t->rest - 2 : s + strlen(s);
    while (e > s && (e[-1] == '-' || isspace((unsigned char)e[-1]))) e--;
    if (e == s) return usage(&cmd_specs[c->kind], " (the title is missing)", err, errlen);
    if ((size_t)(e - s) >= CMD_TITLE_MAX) {
        str_fmt(err, errlen, "%s title too long (at most %d bytes)", cmd_names[c->kind],
                CMD_TITLE_MAX - 1);
        return -1;
    }
    memcpy(c->title, s, (size_t)(e - s));
    c->title[e - s] = '\0';
    return 0;
}

/* The option a word names ("via=email": via's index), -1 when the word is
   no option's; -2 (with the message) when it looks like one but is not. */
static int flag_of(const shape *sh, const cmd_spec *s, const char *w, char *err, size_t errlen)
{
    size_t n = strspn(w, "abcdefghijklmnopqrstuvwxyz");
    if (!n || w[n] != '=') return -1;
    for (int k = 0; k < sh->nflags; k++)
        if (strlen(sh->flag[k]) == n && !strncmp(sh->flag[k], w, n)) return k;
    char use[256];
    cmd_usage(s, use, sizeof use);
    str_fmt(err, errlen, "%s has no option '%.*s='; usage: %s", s->name, (int)n, w, use);
    return -2;
}

/* The options at word *ti on, into c->flag; *ti past them. */
static int take_flags(const shape *sh, const cmd_spec *s, const toks *t, int *ti, cmd *c, char *err,
                      size_t errlen)
{
    for (; *ti < t->n; (*ti)++) {
        const char *w = t->v[*ti];
        int k = flag_of(sh, s, w, err, errlen);
        if (k == -2) return -1;
        if (k < 0) return 0;
        const char *v = w + strlen(sh->flag[k]) + 1;
        if (c->flag[k][0] || !*v) {
            str_fmt(err, errlen, "%s: give %s= once, with a value", s->name, sh->flag[k]);
            return -1;
        }
        if (copy_token(c->flag[k], v, sh->flag[k], err, errlen)) return -1;
    }
    return 0;
}

/* The words after the name into a, b, c, value, the options and title, in
   order. */
static int parse_slots(const shape *sh, const toks *t, const char *line, cmd *c, char *err,
                       size_t errlen)
{
    const cmd_spec *s = &cmd_specs[c->kind];
    char *word[] = {c->a, c->b, c->c};
    int nw = 0, ti = 1, filled = 0;
    for (int i = 0; i <= sh->nslots; i++) {
        if (i == sh->flags_at && take_flags(sh, s, t, &ti, c, err, errlen)) return -1;
        if (i == sh->nslots || ti >= t->n) break;
        filled++;
        if (sh->slot[i] == SLOT_TITLE) return parse_title(t, line, ti, c, err, errlen);
        if (sh->slot[i] == SLOT_VALUE) {
            if (parse_value(t->v[ti], &c->value, err, errlen)) return -1;
        } else if (nw < 3 && copy_token(word[nw++], t->v[ti], sh->what[i], err, errlen))
            return -1;
        ti++;
    }
    if (ti < t->n || filled < sh->lo) return usage(s, "", err, errlen);
    return 0;
}

/* "set needs a reason after ' -- ': set m 5 -- reason" */
static int missing_rest(const shape *sh, const toks *t, char *err, size_t errlen)
{
    char w[41];
    safe_word(t->v[0], strlen(t->v[0]), w, sizeof w);
    const char *an = strchr("aeiou", sh->rest_what[0]) ? "an" : "a";
    str_fmt(err, errlen, "%s needs %s %s after ' -- ': ", w, an, sh->rest_what);
    for (int i = 0; i < t->n; i++) {
        safe_word(t->v[i], strlen(t->v[i]), w, sizeof w);
        str_cat(err, errlen, "%s ", w);
    }
    str_cat(err, errlen, "-- %s", sh->rest_what);
    return -1;
}

/* A note is free text; "--" is allowed but not needed. */
static int parse_free_text(const char *line, cmd *c, char *err, size_t errlen)
{
    const char *s = line;
    while (isspace((unsigned char)*s)) s++;
    s += strlen(cmd_names[c->kind]);
    while (isspace((unsigned char)*s)) s++;
    if (s[0] == '-' && s[1] == '-')
        for (s += 2; isspace((unsigned char)*s); s++) continue;
    if (copy_text(c->text, sizeof c->text, s, err, errlen)) return -1;
    return c->text[0] ? 0 : usage(&cmd_specs[c->kind], "", err, errlen);
}

static int parse_words(const toks *t, const char *line, cmd *c, char *err, size_t errlen)
{
    const cmd_spec *s = &cmd_specs[c->kind];
    shape sh;
    shape_of(s, &sh);
    int args = t->n - 1;
    if (args < sh.lo || args > sh.hi) return usage(s, "", err, errlen);
    if (sh.rest == REST_REQUIRED && (!t->rest || !*t->rest))
        return missing_rest(&sh, t, err, errlen);
    if (parse_slots(&sh, t, line, c, err, errlen)) return -1;
    if (t->rest && sh.rest == REST_NONE) {
        str_fmt(err, errlen, "%s takes no text after '--'", s->name);
        return -1;
    }
    return t->rest ? copy_text(c->text, sizeof c->text, t->rest, err, errlen) : 0;
}

int cmd_parse(const char *line, cmd *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (strlen(line) > CMD_TEXT_MAX + 512) {
        str_fmt(err, errlen, "line too long (%zu bytes)", strlen(line));
        return -1;
    }
    toks t;
    tokenize(line, &t);
    if (t.n == 0 && !t.overflow) {
        str_fmt(err, errlen, "empty command; commands are: ");
        list_names(cmd_specs, CMD_COUNT, err, errlen);
        return -1;
    }
    int k = cmd_find(t.v[0], strlen(t.v[0]));
    if (k < 0) {
        cmd_unknown(t.v[0], strlen(t.v[0]), 0, err, errlen);
        return -1;
    }
    out->kind = (cmd_kind)k;
    shape sh;
    shape_of(&cmd_specs[k], &sh);
    if (sh.free_text) return parse_free_text(line, out, err, errlen);
    /* Only now: free text has however many words it has. */
    if (t.overflow) {
        str_fmt(err, errlen, "too many words before '--' (a rationale goes after ' -- ')");
        return -1;
    }
    return parse_words(&t, line, out, err, errlen);
}

/* Printing ------------------------------------------------------------------ */

static void format_flags(const shape *sh, const cmd *c, strbuf *out)
{
    for (int k = 0; k < sh->nflags; k++)
        if (c->flag[k][0]) sb_printf(out, " %s=%s", sh->flag[k], c->flag[k]);
}

void cmd_format(const cmd *c, strbuf *out)
{
    const cmd_spec *s = &cmd_specs[c->kind];
    shape sh;
    shape_of(s, &sh);
    sb_puts(out, s->name);
    if (sh.free_text) {
        /* A note's text may itself begin with "--": keep it past the
           optional separator the parser drops. */
        sb_printf(out, c->text[0] == '-' && c->text[1] == '-' ? " -- %s" : " %s", c->text);
        return;
    }
    const char *word[] = {c->a, c->b, c->c};
    int nw = 0;
    for (int i = 0; i < sh.nslots; i++) {
        if (i == sh.flags_at) format_flags(&sh, c, out);
        if (sh.slot[i] == SLOT_VALUE)
            sb_printf(out, " %.17g", c->value);
        else if (sh.slot[i] == SLOT_TITLE)
            sb_printf(out, " %s", c->title);
        else if (nw < 3 && (i < sh.lo || word[nw][0]))
            sb_printf(out, " %s", word[nw++]);
    }
    if (sh.flags_at == sh.nslots) format_flags(&sh, c, out);
    if (c->text[0]) sb_printf(out, " -- %s", c->text);
}

const char *cmd_flag(const cmd *c, const char *name)
{
    shape sh;
    shape_of(&cmd_specs[c->kind], &sh);
    for (int k = 0; k < sh.nflags; k++)
        if (!strcmp(sh.flag[k], name)) return c->flag[k];
    return "";
}
