/*
 * reload.c -- see reload.h.
 */
#include "reload.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "lang.h"
#include "util.h"

static const char *plural(int n)
{
    return n == 1 ? "" : "s";
}

/* The k-th backup's name beside save: SAVE.before-reload[-k].jsonl, SAVE
   without its ".jsonl". */
static void backup_name(const char *save, int k, char *out, size_t size)
{
    size_t n = strlen(save);
    if (n > 6 && !strcmp(save + n - 6, ".jsonl")) n -= 6;
    char num[16] = "";
    if (k > 1) str_fmt(num, sizeof num, "-%d", k);
    str_fmt(out, size, "%.*s.before-reload%s.jsonl", (int)n, save, num);
}

static int exists(const char *path)
{
    return access(path, F_OK) == 0 || errno != ENOENT;
}

/* The first backup name beside save that names no file; -1 when all do. */
static int free_name(const char *save, char *out, size_t size)
{
    for (int k = 1; k <= RELOAD_MAX_BACKUPS; k++) {
        backup_name(save, k, out, size);
        if (!exists(out)) return 0;
    }
    return -1;
}

/* Put what the reload from old to s leaves out on disk before the save is
   rewritten: in the backup of the reload that left old's pending commands,
   when this one tried them (it holds all it tried), else in a new one. */
static int keep_left_out(session *old, session *s, const char *path, reload_info *out, char *err,
                         size_t errlen)
{
    char why[512];
    if (session_pending(old) && old->pending_file[0] && exists(old->pending_file)) {
        str_fmt(out->backup, sizeof out->backup, "%s", old->pending_file);
    } else if (free_name(path, out->backup, sizeof out->backup)) {
        backup_name(path, 1, why, sizeof why);
        str_fmt(err, errlen,
                "the commands that no longer replay could not be kept: %d backups of %s are "
                "beside it already (%s and on); remove those no longer needed",
                RELOAD_MAX_BACKUPS, path, why);
        return -1;
    } else if (session_backup(old, out->backup, why, sizeof why)) {
        str_fmt(err, errlen, "the commands that no longer replay could not be kept: %s", why);
        return -1;
    }
    if (s->npending) str_fmt(s->pending_file, sizeof s->pending_file, "%s", out->backup);
    return 0;
}

/* 1 when the save at file holds exactly s's commands. */
static int holds_same(const char *file, const session *s)
{
    journal_file jf;
    char err[512];
    if (journal_read(file, &jf, err, sizeof err)) return 0;
    int same = jf.n == s->nlog;
    for (int i = 0; same && i < jf.n; i++) same = !strcmp(jf.e[i].cmd, s->log[i].cmd);
    journal_file_free(&jf);
    return same;
}

/* The backup of the reload that left old's pending commands, once the save
   holds every command it holds: it would only be a stale copy. */
static void drop_needless(const session *old, const session *s, reload_info *out)
{
    const char *b = old->pending_file;
    if (!b[0] || s->npending || !holds_same(b, s) || unlink(b)) return;
    str_fmt(out->removed, sizeof out->removed, "%s", b);
}

int reload_game(session **sp, script **scp, const char *path, reload_info *out, char *err,
                size_t errlen)
{
    memset(out, 0, sizeof *out);
    session *old = *sp;
    str_fmt(out->dir, sizeof out->dir, "%s", script_dir(*scp));
    script *ns = script_load(out->dir, NULL, err, errlen);
    if (!ns) return -1;
    lang_script(ns, err, errlen); /* in --lang again; a note is no failure */
    err[0] = '\0';
    session *s = session_rebuild_on(old, script_scenario(ns), script_host(ns), &out->r, out->stop,
                                    sizeof out->stop);
    int saving = path && path[0];
    if (!s)
        str_fmt(err, errlen, "%s", out->stop);
    else if (saving && (out->r.pending || out->r.left_out) &&
             keep_left_out(old, s, path, out, err, errlen))
        session_free(s), s = NULL;
    if (!s) {
        script_free(ns);
        return -1;
    }
    if (saving && session_save_to(s, path))
        str_fmt(out->save_err, sizeof out->save_err, "%s", s->err);
    else if (saving)
        drop_needless(old, s, out);
    session_free(old);
    script_free(*scp);
    *sp = s, *scp = ns;
    return 0;
}

static void say_left_out(const session_rebuilt *r, strbuf *out)
{
    int one = r->left_out == 1;
    sb_printf(out,
              "\n%d command%s taken back by an undo no longer fit%s (the first, %s): left out "
              "with %s undo, as %s had no effect on the game.",
              r->left_out, plural(r->left_out), one ? "s" : "", r->left_out_first,
              one ? "its" : "their", one ? "it" : "they");
}

void reload_describe(const reload_info *in, const reload_words *w, strbuf *out)
{
    const session_rebuilt *r = &in->r;
    const char *b = in->backup;
    if (in->stop[0])
        sb_printf(out,
                  "Reloaded %s, but the replay stopped at %s.\n%d of %d command%s replayed; the "
                  "%d from command %d on %s pending.",
                  in->dir, in->stop, r->replayed, r->tried, plural(r->tried), r->pending, r->stop,
                  r->pending == 1 ? "is" : "are");
    else
        sb_printf(out, "Reloaded %s: %d command%s replayed.", in->dir, r->replayed,
                  plural(r->replayed));
    if (r->left_out) say_left_out(r, out);
    if (b[0])
        sb_printf(out, "\nNothing is lost: %s keeps every command this reload tried.", b);
    else if (r->pending || r->left_out)
        sb_puts(out, r->pending ? "\nThe pending ones are kept in memory only (this game is not "
                                  "saved)."
                                : "\nThis game is not saved: they are not kept.");
    if (r->pending) {
        const char *them = r->pending == 1 ? "it" : "them";
        sb_printf(out,
                  "\nTo replay %s, fix the scenario and %s before %s; %s played first sets %s "
                  "aside",
                  them, w->again, w->next, w->first, them);
        if (b[0])
            sb_printf(out, " (%s there; to go on from %s: %s%s)",
                      r->pending == 1 ? "it stays" : "they stay", them, w->open, b);
        sb_puts(out, ".");
    }
    if (in->removed[0])
        sb_printf(out,
                  "\nThe commands kept at the last reload are all in the save again: %s is "
                  "removed.",
                  in->removed);
    if (in->save_err[0])
        sb_printf(out, "\nWARNING: the save could not follow the reload: %s", in->save_err);
}

/* 1 when the backup jf continues s: the same game, and s's commands are
   where its own begin. */
static int continues(const journal_file *jf, const session *s)
{
    if (jf->n <= s->nlog || jf->h.seed != s->h.seed || strcmp(jf->h.scenario, s->h.scenario))
        return 0;
    for (int i = 0; i < s->nlog; i++)
        if (strcmp(jf->e[i].cmd, s->log[i].cmd)) return 0;
    return 1;
}

static void tell_backup(session *s, const char *name, const journal_file *jf, const char *path,
                        const reload_words *w, strbuf *out)
{
    if (out->len) sb_puts(out, "\n");
    if (!s->npending && continues(jf, s)) {
        session_set_pending(s, jf->e + s->nlog, jf->n - s->nlog, name);
        sb_printf(out,
                  "%s: %d command%s did not replay at a reload and %s pending, kept in %s. To "
                  "replay them, fix the scenario if need be and %s before %s; %s played first "
                  "sets them aside (they stay in that file).",
                  path, s->npending, plural(s->npending), s->npending == 1 ? "is" : "are", name,
                  w->again, w->next, w->first);
        return;
    }
    sb_printf(out,
              "%s holds this game as it was before a reload (%d command%s); to go on from "
              "there: %s%s.",
              name, jf->n, plural(jf->n), w->open, name);
}

int reload_resume(session *s, const char *path, const reload_words *w, strbuf *out)
{
    char name[RELOAD_PATH_MAX], err[1024];
    for (int k = RELOAD_MAX_BACKUPS; k >= 1; k--) {
        backup_name(path, k, name, sizeof name);
        if (!exists(name)) continue;
        journal_file jf;
        if (journal_read(name, &jf, err, sizeof err)) {
            sb_printf(out, "%s%s looks like a backup of this save, but: %s", out->len ? "\n" : "",
                      name, err);
            continue;
        }
        tell_backup(s, name, &jf, path, w, out);
        journal_file_free(&jf);
    }
    return s->npending;
}
