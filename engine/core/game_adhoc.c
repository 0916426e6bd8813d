/*
 * game_adhoc.c -- the facilitator's ad-hoc injects (`inject`, cmd.h): to a
 * role or to all, through a channel, now or held while the game is paused
 * until it resumes, and carrying a decision when options follow the text:
 *
 *   inject pm via=email Statement wanted -- The press asks. || Speak now | Wait
 *
 * A decision is answered with `choose adhoc1 2` (its id, the option's
 * number) by the role it names (decides=ROLE; by default its one
 * recipient). It costs nothing and moves no meter: what follows is the
 * facilitator's to play.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_int.h"
#include "util.h"

#define ADHOC_MAX_OPTIONS 9      /* the window chooses them with keys 1 to 9 */
#define ADHOC_OPTIONS_SEP " || " /* the text, then the options */
#define ADHOC_OPTION_SEP  " | "  /* between two options */

static void role_list(const game *g, char *buf, size_t size, int with_all)
{
    buf[0] = '\0';
    for (int i = 0; i < g->sc->nroles; i++)
        str_cat(buf, size, "%s%s", i ? ", " : "", g->sc->roles[i].id);
    if (with_all) str_cat(buf, size, ", all");
}

/* What an inject line says, checked; the options point into c->text. */
typedef struct adhoc {
    uint32_t to;
    int channel, decider, nopts;
    const char *opt[ADHOC_MAX_OPTIONS];
    int optlen[ADHOC_MAX_OPTIONS];
    int textlen;
} adhoc;

static game_rc read_to(game *g, const cmd *c, adhoc *a)
{
    char ids[600];
    const def_scenario *sc = g->sc;
    if (strcmp(c->a, "all") == 0) {
        a->to = game_every_role(g);
        return GAME_OK;
    }
    int r = def_role_find(sc, c->a);
    if (r >= 0) {
        a->to = 1u << r;
        return GAME_OK;
    }
    role_list(g, ids, sizeof ids, 1);
    return game_refuse(g, "unknown role '%s'; %s", c->a, ids);
}

static game_rc read_channel(game *g, const char *via, adhoc *a)
{
    char ids[200] = "";
    a->channel = -1;
    if (!via[0]) return GAME_OK;
    for (int i = 0; i < CH_COUNT; i++) {
        if (strcmp(def_channel_names[i], via) == 0) return a->channel = i, GAME_OK;
        str_cat(ids, sizeof ids, "%s%s", i ? ", " : "", def_channel_names[i]);
    }
    return game_refuse(g, "unknown channel '%s'; channels: %s", via, ids);
}

static const char *trim(const char *s, const char *end, int *len)
{
    while (s < end && *s == ' ') s++;
    while (end > s && end[-1] == ' ') end--;
    *len = (int)(end - s);
    return s;
}

/* "text || one | two": the text's length and the options' places. */
static game_rc read_options(game *g, const char *text, adhoc *a)
{
    const char *sep = strstr(text, ADHOC_OPTIONS_SEP);
    a->nopts = 0;
    a->textlen = sep ? (int)(sep - text) : (int)strlen(text);
    if (!sep) return GAME_OK;
    for (const char *p = sep + strlen(ADHOC_OPTIONS_SEP);;) {
        const char *bar = strstr(p, ADHOC_OPTION_SEP), *end = bar ? bar : p + strlen(p);
        if (a->nopts == ADHOC_MAX_OPTIONS)
            return game_refuse(g, "an ad-hoc decision has at most %d options", ADHOC_MAX_OPTIONS);
        int n;
        const char *o = trim(p, end, &n);
        if (n == 0)
            return game_refuse(g,
                               "option %d is empty; write the options after '||', one '|' "
                               "between two: text || Speak now | Wait",
                               a->nopts + 1);
        if (n >= CMD_TITLE_MAX)
            return game_refuse(g, "option %d is too long (at most %d bytes)", a->nopts + 1,
                               CMD_TITLE_MAX - 1);
        a->opt[a->nopts] = o, a->optlen[a->nopts++] = n;
        if (!bar) break;
        p = bar + strlen(ADHOC_OPTION_SEP);
    }
    if (a->nopts < 2) return game_refuse(g, "a decision needs two options or more: text || A | B");
    return GAME_OK;
}

static game_rc read_decider(game *g, const char *decides, adhoc *a)
{
    char ids[600];
    a->decider = -1;
    if (!a->nopts && decides[0])
        return game_refuse(g, "decides= goes with options: the text, then || A | B");
    if (!a->nopts) return GAME_OK;
    if (decides[0]) {
        if ((a->decider = def_role_find(g->sc, decides)) >= 0) return GAME_OK;
        role_list(g, ids, sizeof ids, 0);
        return game_refuse(g, "unknown role '%s' for decides=; %s", decides, ids);
    }
    for (int r = 0; r < g->sc->nroles; r++)
        if (a->to == 1u << r) return a->decider = r, GAME_OK;
    role_list(g, ids, sizeof ids, 0);
    return game_refuse(g, "an inject to several roles with options needs decides=ROLE (%s)", ids);
}

static game_rc read_inject(game *g, const cmd *c, adhoc *a)
{
    memset(a, 0, sizeof *a);
    if (read_to(g, c, a) || read_channel(g, cmd_flag(c, "via"), a)) return GAME_REFUSED;
    if (!c->title[0]) {
        char use[256];
        cmd_usage(&cmd_specs[CMD_INJECT], use, sizeof use);
        return game_refuse(g, "an inject needs a title: %s", use);
    }
    if (read_options(g, c->text, a) || read_decider(g, cmd_flag(c, "decides"), a))
        return GAME_REFUSED;
    if (a->textlen == 0) return game_refuse(g, "an inject needs a text before its options");
    return GAME_OK;
}

static char *copy_n(const char *s, int n)
{
    char *d = xmalloc((size_t)n + 1);
    memcpy(d, s, (size_t)n);
    d[n] = '\0';
    return d;
}

/* Its id: one more than the ad-hoc injects delivered so far. */
static char *next_id(const game *g)
{
    int n = 1;
    for (int i = 0; i < g->nitems; i++) n += g->items[i].event < 0;
    char id[32];
    str_fmt(id, sizeof id, "adhoc%d", n);
    return xstrdup(id);
}

static void deliver(game *g, const cmd *c, const adhoc *a)
{
    char *id = next_id(g);
    game_item *it = game_new_item(g, -1, a->to);
    it->id = id;
    it->title = xstrdup(c->title);
    int n;
    const char *t = trim(c->text, c->text + a->textlen, &n);
    it->text = copy_n(t, n);
    it->channel = a->channel;
    it->decider = a->decider;
    if (a->nopts) {
        it->opts = xcalloc((size_t)a->nopts, sizeof *it->opts);
        for (int k = 0; k < a->nopts; k++) it->opts[k] = copy_n(a->opt[k], a->optlen[k]);
        it->nopts = a->nopts;
        *VEC_PUSH(g->adhoc_dec, g->nadhoc_dec, g->cadhoc_dec) = g->nitems - 1;
    }
    game_add_log(g, LOG_INJECT, -1, g->nitems - 1, 0, NULL, NULL);
}

game_rc game_adhoc_inject(game *g, const cmd *c)
{
    adhoc a;
    if (read_inject(g, c, &a)) return GAME_REFUSED;
    const char *at = cmd_flag(c, "at");
    if (at[0] && strcmp(at, "now") && strcmp(at, "resume"))
        return game_refuse(g,
                           "at=%s: an inject goes now (at=now, the default) or at the resume "
                           "(at=resume)",
                           at);
    if (strcmp(at, "resume") == 0) {
        if (!g->paused)
            return game_refuse(g,
                               "at=resume holds an inject while the game is paused, and it is not; "
                               "send it without at=");
        *VEC_PUSH(g->held, g->nheld, g->cheld) = *c;
        return GAME_OK;
    }
    deliver(g, c, &a);
    return GAME_OK;
}

void game_adhoc_release(game *g)
{
    for (int i = 0; i < g->nheld; i++) {
        adhoc a;
        if (read_inject(g, &g->held[i], &a) == GAME_OK) deliver(g, &g->held[i], &a);
    }
    g->nheld = 0;
    g->err[0] = '\0';
}

/* Answers -------------------------------------------------------------------- */

static game_rc unknown_option(game *g, const game_item *it, const char *opt)
{
    char ids[64] = "";
    for (int k = 0; k < it->nopts; k++) str_cat(ids, sizeof ids, "%s%d", k ? ", " : "", k + 1);
    return game_refuse(g, "'%s' has no option '%s'; options: %s", it->id, opt, ids);
}

game_rc game_adhoc_answer(game *g, int item, const cmd *c)
{
    const def_scenario *sc = g->sc;
    game_item *it = &g->items[item];
    if (!it->nopts || it->option >= 0) return game_refuse(g, "no open decision on '%s'", c->a);
    int role = g->simultaneous ? it->decider : g->role;
    if (it->decider != role)
        return game_refuse(g, "'%s' is decided by %s, and it is %s's move", c->a,
                           sc->roles[it->decider].id, sc->roles[g->role].id);
    if (game_role_done(g, role)) return game_refuse_done(g, role);
    char *end;
    long k = strtol(c->b, &end, 10);
    if (end == c->b || *end || k < 1 || k > it->nopts) return unknown_option(g, it, c->b);
    it->option = (int)k - 1;
    it->by = role;
    it->rationale = c->text[0] ? xstrdup(c->text) : NULL;
    game_add_log(g, LOG_ANSWER, role, item, (double)it->option, c->text, NULL);
    return GAME_OK;
}

/* Queries -------------------------------------------------------------------- */

int game_open_adhoc(const game *g, int role, int *out, int max)
{
    int n = 0;
    for (int i = 0; i < g->nadhoc_dec && n < max; i++) {
        const game_item *it = &g->items[g->adhoc_dec[i]];
        if (it->option < 0 && (role < 0 || it->decider == role)) out[n++] = g->adhoc_dec[i];
    }
    return n;
}

int game_adhoc_find(const game *g, const char *id)
{
    for (int i = 0; i < g->nitems; i++)
        if (g->items[i].id && strcmp(g->items[i].id, id) == 0) return i;
    return -1;
}
