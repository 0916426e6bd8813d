/*
 * session.c -- see session.h.
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

session *session_new(const def_scenario *sc, const game_host *host, uint64_t seed, int variant,
                     int variant_mode, char *err, size_t errlen)
{
    game *g = game_new(sc, host, seed, variant, err, errlen);
    if (!g) return NULL;
    session *s = xcalloc(1, sizeof *s);
    s->sc = sc;
    s->host = *host;
    s->g = g;
    str_fmt(s->h.engine, sizeof s->h.engine, "%s", CR_ENGINE_VERSION);
    str_fmt(s->h.scenario, sizeof s->h.scenario, "%s", sc->id);
    s->h.scenario_hash = sc->files_hash;
    s->h.seed = seed;
    if (variant >= 0) str_fmt(s->h.variant, sizeof s->h.variant, "%s", sc->variants[variant].id);
    s->h.variant_mode = variant_mode;
    journal_now(s->h.started, sizeof s->h.started);
    return s;
}

void session_free(session *s)
{
    if (!s) return;
    game_free(s->g);
    journal_close(s->j);
    for (int i = 0; i < s->nlog; i++) free(s->log[i].cmd);
    free(s->log);
    free(s->live);
    free(s);
}

static void record(session *s, const char *line, int turn, int role, const journal_by *by)
{
    journal_entry *e = VEC_PUSH(s->log, s->nlog, s->clog);
    memset(e, 0, sizeof *e);
    e->cmd = xstrdup(line);
    e->turn = turn;
    str_fmt(e->role, sizeof e->role, "%s", s->sc->roles[role].id);
    e->hash = game_hash(s->g);
    if (by) e->by = *by;
    if (!e->by.at[0]) journal_now_ms(e->by.at, sizeof e->by.at);
    if (s->j && journal_append(s->j, e)) str_fmt(s->err, sizeof s->err, "%s", s->j->err);
}

/* Rebuild the game from the start with the live commands. */
static int rebuild(session *s)
{
    if (game_reset(s->g, s->h.seed, s->g->variant)) return -1;
    for (int i = 0; i < s->nlive; i++) {
        cmd c;
        char err[256];
        const journal_entry *e = &s->log[s->live[i]];
        if (cmd_parse(e->cmd, &c, err, sizeof err)) return -1;
        str_fmt(c.by, sizeof c.by, "%s", e->by.participant);
        if (game_apply(s->g, &c)) return -1;
    }
    return 0;
}

int session_set_simultaneous(session *s, int on)
{
    if (s->nlog) return -1;
    s->h.simultaneous = on ? 1 : 0;
    game_set_simultaneous(s->g, on);
    return 0;
}

static game_rc do_undo(session *s, int turn, int role, const journal_by *by)
{
    if (s->nlive == 0) {
        str_fmt(s->err, sizeof s->err, "nothing to undo");
        return GAME_REFUSED;
    }
    s->nlive--;
    if (rebuild(s)) {
        str_fmt(s->err, sizeof s->err, "%s failed while replaying: %s", cmd_names[CMD_UNDO],
                s->g->err);
        return GAME_SCRIPT_ERROR;
    }
    record(s, cmd_names[CMD_UNDO], turn, role, by);
    return GAME_OK;
}

game_rc session_apply(session *s, const char *line)
{
    return session_apply_as(s, line, NULL);
}

game_rc session_apply_as(session *s, const char *line, const journal_by *by)
{
    cmd c;
    s->err[0] = '\0';
    if (cmd_parse(line, &c, s->err, sizeof s->err)) return GAME_REFUSED;
    if (by) str_fmt(c.by, sizeof c.by, "%s", by->participant);
    int turn = s->g->turn, role = s->g->role;
    if (c.kind == CMD_UNDO) return do_undo(s, turn, role, by);
    game_rc rc = game_apply(s->g, &c);
    if (rc == GAME_REFUSED) {
        str_fmt(s->err, sizeof s->err, "%s", s->g->err);
        return GAME_REFUSED;
    }
    if (rc == GAME_SCRIPT_ERROR) {
        str_fmt(s->err, sizeof s->err, "%s", s->g->err);
        (void)rebuild(s); /* should not fail: these commands replayed before */
        return GAME_SCRIPT_ERROR;
    }
    strbuf b = {0};
    cmd_format(&c, &b);
    record(s, b.s, turn, role, by);
    sb_free(&b);
    *VEC_PUSH(s->live, s->nlive, s->clive) = s->nlog - 1;
    return GAME_OK;
}

int session_save_to(session *s, const char *path)
{
    char err[512];
    if (journal_write_all(path, &s->h, s->log, s->nlog, err, sizeof err)) {
        str_fmt(s->err, sizeof s->err, "%s", err);
        return -1;
    }
    journal *j = journal_append_to(path, err, sizeof err);
    if (!j) {
        str_fmt(s->err, sizeof s->err, "%s", err);
        return -1;
    }
    journal_close(s->j);
    s->j = j;
    return 0;
}

int session_export(session *s, const char *path)
{
    char err[512];
    if (journal_write_all(path, &s->h, s->log, s->nlog, err, sizeof err)) {
        str_fmt(s->err, sizeof s->err, "%s", err);
        return -1;
    }
    return 0;
}

int session_not_saving(const session *s)
{
    return !s->j || s->j->failed;
}

int session_replay(session *s, const journal_file *jf, char *err, size_t errlen)
{
    if (s->nlog == 0) session_set_simultaneous(s, jf->h.simultaneous);
    for (int i = 0; i < jf->n; i++) {
        int rc = session_apply_as(s, jf->e[i].cmd, &jf->e[i].by);
        if (rc) {
            str_fmt(err, errlen, "line %d: `%s`: %s", i + 2, jf->e[i].cmd, s->err);
            return i;
        }
    }
    return jf->n;
}

int session_lines(const session *s, const char ***lines)
{
    const char **v = xcalloc((size_t)s->nlive + 1, sizeof *v);
    for (int i = 0; i < s->nlive; i++) v[i] = s->log[s->live[i]].cmd;
    *lines = v;
    return s->nlive;
}

session *session_rebuild_on(session *old, const def_scenario *sc, const game_host *host, char *err,
                            size_t errlen)
{
    int variant = old->h.variant[0] ? def_variant_find(sc, old->h.variant) : -1;
    if (variant < 0 && sc->nvariants) {
        if (old->h.variant[0]) {
            str_fmt(err, errlen, "variant '%s' no longer exists in the scenario", old->h.variant);
            return NULL;
        }
        variant = 0; /* the scenario has gained variants: the default one */
    }
    err[0] = '\0';
    session *s = session_new(sc, host, old->h.seed, variant, old->h.variant_mode, err, errlen);
    if (!s) return NULL;
    /* The same exercise goes on: keep where and when it began. */
    str_fmt(s->h.dir, sizeof s->h.dir, "%s", old->h.dir);
    str_fmt(s->h.started, sizeof s->h.started, "%s", old->h.started);
    session_set_simultaneous(s, old->h.simultaneous);
    for (int i = 0; i < old->nlive; i++) {
        const journal_entry *e = &old->log[old->live[i]];
        if (session_apply_as(s, e->cmd, &e->by)) {
            str_fmt(err, errlen, "command %d: `%s`: %s", i + 1, e->cmd, s->err);
            break;
        }
    }
    return s;
}
