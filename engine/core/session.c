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
    s->h.hash_version = JOURNAL_HASH_VERSION;
    journal_now(s->h.started, sizeof s->h.started);
    journal_now_ms(s->opened, sizeof s->opened);
    s->log_src = xcalloc((size_t)g->nlog + 1, sizeof *s->log_src);
    s->clog_src = g->nlog + 1;
    for (int i = 0; i < g->nlog; i++) s->log_src[i] = -1; /* the game's start */
    return s;
}

/* The log entries from `from` on were made by command src (an index into
   s->log). */
static void note_source(session *s, int from, int src)
{
    const game *g = s->g;
    if (g->nlog > s->clog_src)
        vec_reserve((void **)&s->log_src, &s->clog_src, g->nlog, sizeof *s->log_src);
    for (int i = from; i < g->nlog; i++) s->log_src[i] = src;
}

static void free_pending(session *s)
{
    for (int i = 0; i < s->npending; i++) free(s->pending[i].cmd);
    free(s->pending);
    s->pending = NULL, s->npending = 0, s->pending_file[0] = '\0';
}

void session_free(session *s)
{
    if (!s) return;
    game_free(s->g);
    journal_close(s->j);
    for (int i = 0; i < s->nlog; i++) free(s->log[i].cmd);
    free(s->log);
    free(s->live);
    free(s->log_src);
    free_pending(s);
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
    if (!e->by.at[0]) { /* applied now, not replayed */
        journal_now_ms(e->by.at, sizeof e->by.at);
        if (!s->opened_told) str_fmt(e->by.opened, sizeof e->by.opened, "%s", s->opened);
        s->opened_told = 1;
    }
    if (s->j && journal_append(s->j, e)) str_fmt(s->err, sizeof s->err, "%s", s->j->err);
}

/* Rebuild the game from the start with the live commands. */
static int rebuild(session *s)
{
    if (game_reset(s->g, s->h.seed, s->g->variant)) return -1;
    note_source(s, 0, -1);
    for (int i = 0; i < s->nlive; i++) {
        cmd c;
        char err[256];
        const journal_entry *e = &s->log[s->live[i]];
        if (cmd_parse(e->cmd, &c, err, sizeof err)) return -1;
        str_fmt(c.by, sizeof c.by, "%s", e->by.participant);
        int from = s->g->nlog;
        if (game_apply(s->g, &c)) return -1;
        note_source(s, from, s->live[i]);
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

int session_set_session(session *s, const char *id, char *err, size_t errlen)
{
    const def_scenario *sc = s->sc;
    int k = id && id[0] ? def_session_find(sc, id) : -1;
    if (s->nlog) {
        str_fmt(err, errlen, "the session is chosen before the first command");
        return -1;
    }
    if (id && id[0] && k < 0) {
        strbuf b = {0};
        for (int i = 0; i < sc->nsessions; i++) sb_printf(&b, ", %s", sc->sessions[i].id);
        str_fmt(err, errlen, "unknown session '%s'; sessions of %s: the full game (no --session)%s",
                id, sc->id, b.len ? b.s : "");
        sb_free(&b);
        return -1;
    }
    str_fmt(s->h.session, sizeof s->h.session, "%s", k >= 0 ? sc->sessions[k].id : "");
    if (game_set_session(s->g, k)) {
        str_fmt(err, errlen, "%s", game_error(s->g));
        return -1;
    }
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
    int turn = s->g->turn, role = s->g->role, from = s->g->nlog;
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
    /* Taken, with something to tell (an event suspended by a script error) */
    if (s->g->err[0]) str_fmt(s->err, sizeof s->err, "%s", s->g->err);
    strbuf b = {0};
    cmd_format(&c, &b);
    record(s, b.s, turn, role, by);
    sb_free(&b);
    *VEC_PUSH(s->live, s->nlive, s->clive) = s->nlog - 1;
    note_source(s, from, s->nlog - 1);
    return GAME_OK;
}

/* The whole journal so far. Its lines carry this engine's hashes, whatever
   the save it was resumed from said. */
static int write_all(session *s, const char *path, char *err, size_t errlen)
{
    journal_header h = s->h;
    h.hash_version = JOURNAL_HASH_VERSION;
    return journal_write_all(path, &h, s->log, s->nlog, err, errlen);
}

int session_save_to(session *s, const char *path)
{
    char err[512];
    if (write_all(s, path, err, sizeof err)) {
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
    if (write_all(s, path, err, sizeof err)) {
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
    if (s->nlog == 0) {
        session_set_simultaneous(s, jf->h.simultaneous);
        if (jf->h.started[0]) str_fmt(s->h.started, sizeof s->h.started, "%s", jf->h.started);
        if (!s->h.dir[0]) str_fmt(s->h.dir, sizeof s->h.dir, "%s", jf->h.dir);
        if (strcmp(s->h.session, jf->h.session) &&
            session_set_session(s, jf->h.session, err, errlen))
            return 0;
    }
    for (int i = 0; i < jf->n; i++) {
        int rc = session_apply_as(s, jf->e[i].cmd, &jf->e[i].by);
        if (rc) {
            str_fmt(err, errlen, "line %d: `%s`: %s", i + 2, jf->e[i].cmd, s->err);
            return i;
        }
    }
    return jf->n;
}

/* Pending commands --------------------------------------------------------- */

int session_pending(const session *s)
{
    return s->nlog == s->pending_at ? s->npending : 0;
}

void session_set_pending(session *s, const journal_entry *e, int n, const char *file)
{
    free_pending(s);
    s->pending = xcalloc((size_t)n + 1, sizeof *s->pending);
    for (int i = 0; i < n; i++) {
        s->pending[i] = e[i];
        s->pending[i].cmd = xstrdup(e[i].cmd);
    }
    s->npending = n, s->pending_at = s->nlog;
    str_fmt(s->pending_file, sizeof s->pending_file, "%s", file);
}

/* What a reload of s tries, in order: its journal, then the pending
   commands on offer. The entries stay s's. */
static const journal_entry **tried_list(const session *s, int *n)
{
    int np = session_pending(s);
    const journal_entry **v = xcalloc((size_t)(s->nlog + np) + 1, sizeof *v);
    for (int i = 0; i < s->nlog; i++) v[i] = &s->log[i];
    for (int i = 0; i < np; i++) v[s->nlog + i] = &s->pending[i];
    *n = s->nlog + np;
    return v;
}

int session_backup(const session *s, const char *path, char *err, size_t errlen)
{
    int n;
    const journal_entry **v = tried_list(s, &n);
    journal_entry *e = xcalloc((size_t)n + 1, sizeof *e);
    for (int i = 0; i < n; i++) e[i] = *v[i]; /* shallow: written, not kept */
    journal_header h = s->h;
    h.hash_version = JOURNAL_HASH_VERSION;
    int rc = journal_write_all(path, &h, e, n, err, errlen);
    free(e);
    free(v);
    return rc;
}

/* Hot reload ----------------------------------------------------------------- */

/* For each of the n commands, the undo that took it back (its index), or -1:
   it is in effect, or is an undo itself. An undo takes back the last
   command in effect, as do_undo does. */
static int *undone_by(const journal_entry **e, int n)
{
    int *by = xcalloc((size_t)n + 1, sizeof *by), *stack = xcalloc((size_t)n + 1, sizeof *stack);
    int depth = 0;
    for (int i = 0; i < n; i++) {
        by[i] = -1;
        if (strcmp(e[i]->cmd, cmd_names[CMD_UNDO]) != 0)
            stack[depth++] = i;
        else if (depth)
            by[stack[--depth]] = i;
    }
    free(stack);
    return by;
}

/* Replay the tried commands into s by the rules of session.h. A command
   that fails but was undone later is skipped with its undo: every command
   between the two was undone too (an undo takes back the last one), so the
   commands in effect after the undo replay on the same game as before. */
static void replay_tried(session *s, const journal_entry **e, int n, session_rebuilt *out,
                         char *err, size_t errlen)
{
    int *by = undone_by(e, n);
    char *skip = xcalloc((size_t)n + 1, 1);
    for (int i = 0; i < n; i++) {
        if (skip[i] || session_apply_as(s, e[i]->cmd, &e[i]->by) == GAME_OK) continue;
        if (by[i] >= 0) {
            skip[by[i]] = 1;
            if (!out->left_out++)
                str_fmt(out->left_out_first, sizeof out->left_out_first, "command %d: `%s`: %s",
                        i + 1, e[i]->cmd, s->err);
            continue;
        }
        str_fmt(err, errlen, "command %d: `%s`: %s", i + 1, e[i]->cmd, s->err);
        out->stop = i + 1;
        journal_entry *tail = xcalloc((size_t)(n - i) + 1, sizeof *tail);
        for (int k = i; k < n; k++) tail[k - i] = *e[k];
        session_set_pending(s, tail, n - i, "");
        free(tail);
        break;
    }
    free(skip);
    free(by);
}

session *session_rebuild_on(session *old, const def_scenario *sc, const game_host *host,
                            session_rebuilt *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
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
    /* The same run of the program: no gap in the exercise's time. */
    str_fmt(s->opened, sizeof s->opened, "%s", old->opened);
    s->opened_told = old->opened_told;
    session_set_simultaneous(s, old->h.simultaneous);
    if (session_set_session(s, old->h.session, err, errlen)) {
        session_free(s);
        return NULL;
    }
    const journal_entry **tried = tried_list(old, &out->tried);
    replay_tried(s, tried, out->tried, out, err, errlen);
    free(tried);
    out->replayed = s->nlog;
    out->pending = s->npending;
    return s;
}
