/*
 * cmd.c -- parsing and printing the command language (see cmd.h).
 */
#include "cmd.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const cmd_names[CMD_COUNT] = {"choose", "act",    "end",  "note",     "set",  "inject",
                                          "pause",  "resume", "fire", "suppress", "undo", "finish"};

static const char *const usage = "choose EVENT OPTION [-- rationale]\n"
                                 "act ROLE ACTION [TARGET] [-- rationale]\n"
                                 "end\n"
                                 "note TEXT\n"
                                 "set METER VALUE -- reason\n"
                                 "inject ROLE|all TITLE -- TEXT\n"
                                 "pause\n"
                                 "resume\n"
                                 "fire EVENT\n"
                                 "suppress EVENT\n"
                                 "undo\n"
                                 "finish [ENDING]\n";

const char *cmd_usage(void)
{
    return usage;
}

int cmd_is_blank(const char *line)
{
    while (*line && isspace((unsigned char)*line)) line++;
    return *line == '\0' || *line == '#';
}

typedef struct toks {
    char v[8][CMD_TITLE_MAX];
    int n;
    const char *rest; /* text after " -- ", or NULL */
    int overflow;
} toks;

/* Split "words ... -- free text" into at most 8 words and the free text. */
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
        if (t->n == 8 || (size_t)(p - s) >= CMD_TITLE_MAX) {
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

static int want(const toks *t, int lo, int hi, const char *use, char *err, size_t errlen)
{
    int args = t->n - 1;
    if (args < lo || args > hi) {
        str_fmt(err, errlen, "usage: %s", use);
        return -1;
    }
    return 0;
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

static int parse_choose(const toks *t, cmd *c, char *err, size_t errlen)
{
    if (want(t, 2, 2, "choose EVENT OPTION [-- rationale]", err, errlen)) return -1;
    if (copy_token(c->a, t->v[1], "event", err, errlen)) return -1;
    return copy_token(c->b, t->v[2], "option", err, errlen);
}

static int parse_act(const toks *t, cmd *c, char *err, size_t errlen)
{
    if (want(t, 2, 3, "act ROLE ACTION [TARGET] [-- rationale]", err, errlen)) return -1;
    if (copy_token(c->a, t->v[1], "role", err, errlen)) return -1;
    if (copy_token(c->b, t->v[2], "action", err, errlen)) return -1;
    return t->n == 4 ? copy_token(c->c, t->v[3], "target", err, errlen) : 0;
}

static int parse_set(const toks *t, cmd *c, char *err, size_t errlen)
{
    if (want(t, 2, 2, "set METER VALUE -- reason", err, errlen)) return -1;
    if (!t->rest || !*t->rest) {
        str_fmt(err, errlen, "set needs a reason: set %s %s -- why", t->v[1], t->v[2]);
        return -1;
    }
    if (copy_token(c->a, t->v[1], "meter", err, errlen)) return -1;
    return parse_value(t->v[2], &c->value, err, errlen);
}

static int parse_inject(const toks *t, const char *line, cmd *c, char *err, size_t errlen)
{
    if (t->n < 3 || !t->rest || !*t->rest) {
        str_fmt(err, errlen, "usage: inject ROLE|all TITLE -- TEXT");
        return -1;
    }
    if (copy_token(c->a, t->v[1], "role", err, errlen)) return -1;
    /* The title is every word between the role and " -- ", spaces kept.
       Skip the first two words by position: the role's name may also
       occur inside "inject". */
    const char *s = line;
    for (int w = 0; w < 2; w++) {
        while (isspace((unsigned char)*s)) s++;
        while (*s && !isspace((unsigned char)*s)) s++;
    }
    while (isspace((unsigned char)*s)) s++;
    const char *e = t->rest - 2;
    while (e > s && (e[-1] == '-' || isspace((unsigned char)e[-1]))) e--;
    if (e == s) {
        str_fmt(err, errlen, "usage: inject ROLE|all TITLE -- TEXT (the title is missing)");
        return -1;
    }
    if ((size_t)(e - s) >= CMD_TITLE_MAX) {
        str_fmt(err, errlen, "inject title too long (at most %d bytes)", CMD_TITLE_MAX - 1);
        return -1;
    }
    memcpy(c->title, s, (size_t)(e - s));
    c->title[e - s] = '\0';
    return 0;
}

static int parse_one_event(const toks *t, cmd *c, const char *use, char *err, size_t errlen)
{
    if (want(t, 1, 1, use, err, errlen)) return -1;
    return copy_token(c->a, t->v[1], "event", err, errlen);
}

static int find_kind(const char *word)
{
    for (int k = 0; k < CMD_COUNT; k++)
        if (strcmp(word, cmd_names[k]) == 0) return k;
    return -1;
}

static int parse_by_kind(const toks *t, const char *line, cmd *c, char *err, size_t errlen)
{
    switch (c->kind) {
    case CMD_CHOOSE:
        return parse_choose(t, c, err, errlen);
    case CMD_ACT:
        return parse_act(t, c, err, errlen);
    case CMD_SET:
        return parse_set(t, c, err, errlen);
    case CMD_INJECT:
        return parse_inject(t, line, c, err, errlen);
    case CMD_FIRE:
        return parse_one_event(t, c, "fire EVENT", err, errlen);
    case CMD_SUPPRESS:
        return parse_one_event(t, c, "suppress EVENT", err, errlen);
    case CMD_FINISH:
        if (want(t, 0, 1, "finish [ENDING]", err, errlen)) return -1;
        return t->n == 2 ? copy_token(c->a, t->v[1], "ending", err, errlen) : 0;
    case CMD_NOTE:
        return 0;
    default:
        return want(t, 0, 0, cmd_names[c->kind], err, errlen);
    }
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
        str_fmt(err, errlen,
                "empty command; commands are: choose act end note set inject "
                "pause resume fire suppress undo finish");
        return -1;
    }
    int k = find_kind(t.v[0]);
    if (k < 0) {
        /* Echo the word safely: a stray key (an escape sequence) would
           otherwise be played back to the terminal and vanish. */
        char word[41];
        size_t n = 0;
        for (const unsigned char *p = (const unsigned char *)t.v[0]; *p && n < 40; p++)
            word[n++] = *p < 32 || *p == 127 ? '?' : (char)*p;
        word[n] = '\0';
        str_fmt(err, errlen,
                "unknown command '%s'; commands are: choose act end note set "
                "inject pause resume fire suppress undo finish",
                word);
        return -1;
    }
    out->kind = (cmd_kind)k;
    if (k == CMD_NOTE) {
        /* A note is free text; "--" is allowed but not needed. */
        const char *s = line;
        while (isspace((unsigned char)*s)) s++;
        s += 4;
        while (isspace((unsigned char)*s)) s++;
        if (s[0] == '-' && s[1] == '-')
            for (s += 2; isspace((unsigned char)*s); s++) continue;
        if (copy_text(out->text, sizeof out->text, s, err, errlen)) return -1;
        if (!out->text[0]) {
            str_fmt(err, errlen, "usage: note TEXT");
            return -1;
        }
        return 0;
    }
    /* Only now: a note is free text, however many words it has. */
    if (t.overflow) {
        str_fmt(err, errlen, "too many words before '--' (a rationale goes after ' -- ')");
        return -1;
    }
    if (parse_by_kind(&t, line, out, err, errlen)) return -1;
    if (t.rest && k != CMD_CHOOSE && k != CMD_ACT && k != CMD_SET && k != CMD_INJECT) {
        str_fmt(err, errlen, "%s takes no text after '--'", cmd_names[k]);
        return -1;
    }
    return t.rest ? copy_text(out->text, sizeof out->text, t.rest, err, errlen) : 0;
}

static void add_rest(const cmd *c, strbuf *out)
{
    if (c->text[0]) sb_printf(out, " -- %s", c->text);
}

void cmd_format(const cmd *c, strbuf *out)
{
    sb_puts(out, cmd_names[c->kind]);
    switch (c->kind) {
    case CMD_CHOOSE:
        sb_printf(out, " %s %s", c->a, c->b);
        break;
    case CMD_ACT:
        sb_printf(out, " %s %s", c->a, c->b);
        if (c->c[0]) sb_printf(out, " %s", c->c);
        break;
    case CMD_SET:
        sb_printf(out, " %s %.17g", c->a, c->value);
        break;
    case CMD_INJECT:
        sb_printf(out, " %s %s", c->a, c->title);
        break;
    case CMD_NOTE:
        /* A note's text may itself begin with "--": keep it past the
           optional separator the parser drops. */
        sb_printf(out, c->text[0] == '-' && c->text[1] == '-' ? " -- %s" : " %s", c->text);
        return;
    case CMD_FIRE:
    case CMD_SUPPRESS:
        sb_printf(out, " %s", c->a);
        break;
    case CMD_FINISH:
        if (c->a[0]) sb_printf(out, " %s", c->a);
        break;
    default:
        break;
    }
    add_rest(c, out);
}
