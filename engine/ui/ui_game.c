/*
 * ui_game.c -- the game in play as the GUI sees it: finding the scenario and
 * font folders, listing scenarios and saves for the title screen, starting,
 * loading and reloading games, the players' read marks and the debrief's
 * report. It calls no screen and no action: everything that changes the
 * game goes through ui_apply() (ui_nav.c) -> session_apply().
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmdfile.h"
#include "datadir.h"
#include "fs.h"
#include "i18n.h"
#include "lang.h"
#include "logtext.h"
#include "outfile.h"
#include "reload.h"
#include "report.h"
#include "ui_app.h"
#include "util.h"

/* Fonts and the saves folder by the one search of datadir.h. scen_root says
   where scenarios are looked for, for the title's message when none is
   found; the title lists them from every data folder (ui_scan_scenarios). */
void ui_find_dirs(ui_app *a)
{
    char err[UI_PATH_MAX + 200];
    if (datadir_find(DATADIR_FONTS, a->font_dir, sizeof a->font_dir))
        a->font_dir[0] = '\0'; /* ui_fonts_open says where it looked */
    datadir_looked(DATADIR_SCENARIOS, a->scen_root, sizeof a->scen_root);
    if (datadir_saves(a->save_dir, sizeof a->save_dir, err, sizeof err))
        a->save_dir[0] = '\0'; /* no list of saves; saving says why */
}

/* Title lists ----------------------------------------------------------------- */

static void entry_from(ui_scen_entry *e, const def_scenario *sc)
{
    strbuf roles = {0};
    for (int i = 0; i < sc->nroles; i++)
        sb_printf(&roles, "%s%s", i ? " · " : "",
                  sc->roles[i].shortname ? sc->roles[i].shortname : sc->roles[i].name);
    e->id = xstrdup(sc->id);
    e->title = xstrdup(sc->title);
    e->summary = xstrdup(sc->summary ? sc->summary : "");
    e->roles = roles.s ? roles.s : xstrdup("");
    e->nturns = sc->nturns, e->nroles = sc->nroles, e->nvariants = sc->nvariants;
}

static int cmp_scen(const void *x, const void *y)
{
    const ui_scen_entry *a = x, *b = y;
    if (a->nturns != b->nturns) return a->nturns - b->nturns; /* the short tutorial first */
    return strcmp(a->dir, b->dir);
}

static void free_entry(ui_scen_entry *e)
{
    free(e->dir), free(e->id), free(e->title), free(e->summary), free(e->roles);
    free(e->error);
}

static int listed(const ui_app *a, const char *id)
{
    for (int i = 0; i < a->nscens; i++)
        if (!strcmp(a->scens[i].id, id)) return 1;
    return 0;
}

/* ROOT/scenarios/NAME for every NAME with a scenario.lua, but those whose id
   an earlier root already gave: a user's own copy shadows the installed one,
   as datadir_scenario finds it. */
static void scan_root(ui_app *a, const char *root, int *cap)
{
    char folder[UI_PATH_MAX];
    str_fmt(folder, sizeof folder, "%s/%s", root, DATADIR_SCENARIOS);
    DIR *d = opendir(folder);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        char dir[UI_PATH_MAX + 300], lua[UI_PATH_MAX + 320], err[2048];
        if (de->d_name[0] == '.' || !strcmp(de->d_name, "template")) continue; /* for authors */
        str_fmt(dir, sizeof dir, "%s/%s", folder, de->d_name);
        str_fmt(lua, sizeof lua, "%s/scenario.lua", dir);
        struct stat st;
        if (stat(lua, &st)) continue;
        ui_scen_entry e = {.dir = xstrdup(dir)};
        script *s = script_load(dir, NULL, err, sizeof err);
        if (s) lang_script(s, err, sizeof err); /* the title in --lang; as written without */
        if (s)
            entry_from(&e, script_scenario(s));
        else
            e.error = xstrdup(err), e.title = xstrdup(de->d_name), e.id = xstrdup(de->d_name);
        script_free(s);
        if (listed(a, e.id))
            free_entry(&e);
        else
            *VEC_PUSH(a->scens, a->nscens, *cap) = e;
    }
    if (d) closedir(d);
}

void ui_scan_scenarios(ui_app *a)
{
    datadir_list roots;
    int cap = 0;
    datadir_roots(&roots);
    for (int i = 0; i < roots.n; i++) scan_root(a, roots.dir[i], &cap);
    datadir_list_free(&roots);
    if (a->nscens) qsort(a->scens, (size_t)a->nscens, sizeof *a->scens, cmp_scen);
    for (int i = 0; i < a->nscens; i++) /* the flagship is the one offered first */
        if (a->scens[i].id && !strcmp(a->scens[i].id, "albania2022")) a->scen_sel = i;
}

typedef struct save_tmp {
    char *path;
    time_t mtime;
} save_tmp;

static int cmp_mtime(const void *x, const void *y)
{
    const save_tmp *a = x, *b = y;
    return a->mtime < b->mtime ? 1 : a->mtime > b->mtime ? -1 : strcmp(a->path, b->path);
}

void ui_scan_saves(ui_app *a)
{
    for (int i = 0; i < a->nsaves; i++)
        free(a->saves[i].path), free(a->saves[i].scenario), free(a->saves[i].started);
    free(a->saves);
    a->saves = NULL, a->nsaves = 0;
    DIR *d = opendir(a->save_dir);
    struct dirent *de;
    save_tmp *t = NULL;
    int n = 0, cap = 0, scap = 0;
    while (d && (de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (len < 7 || strcmp(de->d_name + len - 6, ".jsonl")) continue;
        char p[UI_PATH_MAX + 300];
        struct stat st;
        str_fmt(p, sizeof p, "%s/%s", a->save_dir, de->d_name);
        if (stat(p, &st)) continue;
        save_tmp *e = VEC_PUSH(t, n, cap);
        e->path = xstrdup(p), e->mtime = st.st_mtime;
    }
    if (d) closedir(d);
    if (n) qsort(t, (size_t)n, sizeof *t, cmp_mtime);
    for (int i = 0; i < n; i++) {
        journal_file jf = {0};
        char err[512];
        if (a->nsaves < 8 && !journal_read(t[i].path, &jf, err, sizeof err)) {
            ui_save_entry *e = VEC_PUSH(a->saves, a->nsaves, scap);
            e->path = xstrdup(t[i].path), e->scenario = xstrdup(jf.h.scenario);
            e->started = xstrdup(jf.h.started), e->commands = jf.n;
        }
        journal_file_free(&jf);
        free(t[i].path);
    }
    free(t);
}

void ui_free_lists(ui_app *a)
{
    for (int i = 0; i < a->nscens; i++) free_entry(&a->scens[i]);
    free(a->scens);
    a->scens = NULL, a->nscens = 0;
    for (int i = 0; i < a->nsaves; i++)
        free(a->saves[i].path), free(a->saves[i].scenario), free(a->saves[i].started);
    free(a->saves);
    a->saves = NULL, a->nsaves = 0;
}

/* Games ----------------------------------------------------------------------- */

void ui_set_status(ui_app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->status, sizeof a->status, fmt, ap);
    va_end(ap);
    a->status_until = SDL_GetTicks() + 6000;
    a->dirty = 1;
}

void ui_game_close(ui_app *a)
{
    if (a->wi.have) report_whatif_free(&a->wi.w); /* the debrief's what-if of this game */
    memset(&a->wi, 0, sizeof a->wi);
    session_free(a->ses);
    script_free(a->scr);
    a->ses = NULL, a->scr = NULL;
    free(a->read);
    a->read = NULL, a->read_items = 0;
    a->save_path[0] = a->warning[0] = a->report_msg[0] = '\0';
    movetimer_init(&a->timer); /* another game: its own timer */
    a->began = a->hold = 0;
}

/* A new game's seed when none is given: from the clock, mixed, and short
   enough to read out in the room. */
uint64_t ui_fresh_seed(void)
{
    uint64_t x = SDL_GetPerformanceCounter() ^ (uint64_t)time(NULL) << 20;
    x ^= x >> 33, x *= UINT64_C(0xff51afd7ed558ccd), x ^= x >> 33;
    return x % 1000000;
}

static void reset_view(ui_app *a)
{
    memset(a->scroll, 0, sizeof a->scroll);
    a->sel_item = -2; /* pick the first open decision on the dashboard */
    a->sel_card = -1;
    a->mx_card = -1, a->mx_col = 0, a->mx_rel = 0;
    a->seen_role = a->ses->g->role, a->seen_turn = a->ses->g->turn;
    a->modal = MODAL_NONE;
    a->con.sched = -1, a->con.ask = CON_ASK_NONE;
}

static int pick_variant(ui_app *a, const def_scenario *sc, const char *variant, uint64_t seed,
                        int *mode)
{
    *mode = 0;
    if (sc->nvariants == 0) return -1;
    if (!variant || !variant[0]) return 0;
    if (!strcmp(variant, "random")) {
        *mode = 1;
        return game_pick_variant(sc, seed);
    }
    int v = def_variant_find(sc, variant);
    if (v < 0)
        str_fmt(a->error, sizeof a->error, _("Unknown variant '%s' in %s."), variant, sc->id);
    return v < 0 ? -2 : v;
}

static int start_journal(ui_app *a, const char *path)
{
    if (session_save_to(a->ses, path)) {
        str_fmt(a->warning, sizeof a->warning, _("Not saving: %s"), a->ses->err);
        return -1;
    }
    str_fmt(a->save_path, sizeof a->save_path, "%s", path);
    return 0;
}

void ui_game_adopt(ui_app *a, script *scr, session *s, const char *save)
{
    ui_game_close(a);
    a->scr = scr, a->ses = s;
    str_fmt(a->save_path, sizeof a->save_path, "%s", save ? save : "");
    reset_view(a);
}

int ui_game_new(ui_app *a, const char *dir, uint64_t seed, const char *variant, const char *save)
{
    char err[4096];
    ui_game_close(a);
    a->error[0] = '\0';
    a->scr = script_load(dir, NULL, err, sizeof err);
    if (a->scr) lang_script(a->scr, err, sizeof err);
    if (!a->scr) {
        str_fmt(a->error, sizeof a->error, _("Could not load the scenario in %s:\n%s"), dir, err);
        return -1;
    }
    const def_scenario *sc = script_scenario(a->scr);
    int mode, v = pick_variant(a, sc, variant, seed, &mode);
    if (v == -2) return ui_game_close(a), -1;
    a->ses = session_new(sc, script_host(a->scr), seed, v, mode, err, sizeof err);
    if (!a->ses) {
        str_fmt(a->error, sizeof a->error, _("Could not start %s:\n%s"), sc->id, err);
        return ui_game_close(a), -1;
    }
    if (a->session_id[0] && session_set_session(a->ses, a->session_id, err, sizeof err)) {
        str_fmt(a->error, sizeof a->error, _("Could not start %s: %s"), sc->id, err);
        return ui_game_close(a), -1;
    }
    /* Where the scenario was: the save is found again by it when the
       scenario is in no data folder (as `crisisroom text` records it). */
    if (!realpath(dir, a->ses->h.dir)) str_fmt(a->ses->h.dir, sizeof a->ses->h.dir, "%s", dir);
    char path[UI_PATH_MAX + 100] = "";
    if (save && save[0])
        str_fmt(path, sizeof path, "%s", save);
    else if (!a->no_autosave && datadir_save_path(sc->id, path, sizeof path, err, sizeof err))
        str_fmt(a->warning, sizeof a->warning, _("Not saving: %s"), err), path[0] = '\0';
    if (path[0]) start_journal(a, path);
    reset_view(a);
    return 0;
}

static void hash_warning(ui_app *a, const journal_file *jf, const def_scenario *sc)
{
    if (jf->h.scenario_hash == sc->files_hash) return;
    str_cat(a->warning, sizeof a->warning,
            _("This save was made with another version of scenario '%s' (its files have changed "
              "since). The replay may not match what the players saw. "),
            sc->id);
}

static int replay(ui_app *a, const journal_file *jf)
{
    char err[1024];
    int n = session_replay(a->ses, jf, err, sizeof err);
    if (n < jf->n)
        str_cat(a->warning, sizeof a->warning, _("Replay stopped after %d of %d commands: %s. "), n,
                jf->n, err);
    if (jf->warning[0]) str_cat(a->warning, sizeof a->warning, "%s. ", jf->warning);
    return n == jf->n;
}

/* The save's scenario by its id in the data folders, else in the folder it
   was played from, as `crisisroom resume` finds it. */
static int save_scenario(const journal_file *jf, char *dir, size_t size, char *err, size_t errlen)
{
    if (!datadir_scenario(jf->h.scenario, dir, size, err, errlen)) return 0;
    if (!jf->h.dir[0] || !fs_is_dir(jf->h.dir)) return -1;
    str_fmt(dir, size, "%s", jf->h.dir);
    return 0;
}

/* How the window is told to reload and to go on from a save (reload.h). */
static const reload_words ui_reload_words = {"press F5", "the next move", "a move",
                                             "the title screen's saves, or crisisroom resume "};

/* The reload's sentences as one paragraph, for the banner or the toast. */
static void reload_words_to(char *dst, size_t size, const strbuf *b)
{
    str_fmt(dst, size, "%s", b->s ? b->s : "");
    for (char *p = dst; *p; p++)
        if (*p == '\n') *p = ' ';
}

/* The backups a reload left beside the save (reload.h), on the banner. */
static void tell_backups(ui_app *a, const char *path)
{
    strbuf b = {0};
    reload_resume(a->ses, path, &ui_reload_words, &b);
    if (b.len) reload_words_to(a->warning, sizeof a->warning, &b);
    sb_free(&b);
}

int ui_game_load(ui_app *a, const char *path)
{
    journal_file jf = {0};
    char err[4096], dir[UI_PATH_MAX + 100];
    ui_game_close(a);
    a->error[0] = '\0';
    if (journal_read(path, &jf, err, sizeof err)) {
        str_fmt(a->error, sizeof a->error, _("Could not read the save:\n%s"), err);
        return -1;
    }
    int rc = -1;
    if (save_scenario(&jf, dir, sizeof dir, err, sizeof err)) {
        str_fmt(a->error, sizeof a->error, _("The save needs scenario '%s': %s"), jf.h.scenario,
                err);
        goto done;
    }
    a->scr = script_load(dir, NULL, err, sizeof err);
    if (a->scr) lang_script(a->scr, err, sizeof err);
    if (!a->scr) {
        str_fmt(a->error, sizeof a->error,
                _("The save needs scenario '%s', which could not be "
                  "loaded from %s:\n%s"),
                jf.h.scenario, dir, err);
        goto done;
    }
    const def_scenario *sc = script_scenario(a->scr);
    int v = jf.h.variant[0] ? def_variant_find(sc, jf.h.variant) : (sc->nvariants ? 0 : -1);
    if (v < 0 && sc->nvariants) {
        str_fmt(a->error, sizeof a->error, _("The save's variant '%s' is not in scenario '%s'."),
                jf.h.variant, sc->id);
        goto done;
    }
    a->ses = session_new(sc, script_host(a->scr), jf.h.seed, v, jf.h.variant_mode, err, sizeof err);
    if (!a->ses) {
        str_fmt(a->error, sizeof a->error, _("Could not start %s:\n%s"), sc->id, err);
        goto done;
    }
    hash_warning(a, &jf, sc);
    /* Go on writing the same file only when it replays whole and unchanged;
       otherwise keep it as it is for the facilitator to inspect. */
    if (replay(a, &jf) && !a->warning[0])
        start_journal(a, path), tell_backups(a, path);
    else
        str_cat(
            a->warning, sizeof a->warning,
            _("The save file is left untouched; use Save in the menu (Esc) to keep this game."));
    reset_view(a);
    ui_timer_restore(a);
    rc = 0;
done:
    journal_file_free(&jf);
    if (rc) ui_game_close(a);
    return rc;
}

/* Commands -------------------------------------------------------------------- */

static void grow_read(ui_app *a)
{
    int n = a->ses->g->nitems;
    if (n <= a->read_items) return;
    a->read = xrealloc(a->read, (size_t)n * CR_MAX_ROLES);
    memset(a->read + (size_t)a->read_items * CR_MAX_ROLES, 0,
           (size_t)(n - a->read_items) * CR_MAX_ROLES);
    a->read_items = n;
}

int ui_is_read(ui_app *a, int item, int role)
{
    grow_read(a);
    return item >= 0 && item < a->read_items && role >= 0 && a->read[item * CR_MAX_ROLES + role];
}

void ui_mark_read(ui_app *a, int item, int role)
{
    grow_read(a);
    if (item >= 0 && item < a->read_items && role >= 0) a->read[item * CR_MAX_ROLES + role] = 1;
}

/* A --commands file: each line through the session, as `crisisroom run`
   reads one (cmdfile.h). A journal that fails shows on the banner. */
int ui_apply_file(ui_app *a, const char *path)
{
    char err[CMDFILE_MAX_LINE + UI_PATH_MAX];
    if (cmdfile_apply(a->ses, path, NULL, NULL, err, sizeof err) == 0) return 0;
    fprintf(stderr, "%s\n", err);
    return -1;
}

const char *ui_role_name(const ui_app *a, int role)
{
    if (!a->ses || role < 0 || role >= a->ses->sc->nroles) return _("nobody");
    return game_role_name(a->ses->g, role); /* as it is now: a callback may rename it */
}

const char *ui_item_title(const ui_app *a, int item)
{
    const char *t = logtext_item_title(a->ses->g, item);
    return t ? t : _("Inject");
}

/* Whole words only: "pm" must not change inside "pmo". */
static int word_at(const char *s, const char *start, size_t n)
{
    int before = s > start && (isalnum((unsigned char)s[-1]) || s[-1] == '_');
    int after = isalnum((unsigned char)s[n]) || s[n] == '_';
    return !before && !after;
}

void ui_role_words(const ui_app *a, const char *in, char *out, size_t size)
{
    const def_scenario *sc = a->ses ? a->ses->sc : NULL;
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < size;) {
        int hit = -1;
        for (int r = 0; sc && r < sc->nroles && hit < 0; r++) {
            size_t n = strlen(sc->roles[r].id);
            if (n && !strncmp(p, sc->roles[r].id, n) && word_at(p, in, n)) hit = r;
        }
        if (hit < 0) {
            out[o++] = *p++;
            continue;
        }
        const def_role *ro = &sc->roles[hit];
        const char *name = game_role_short(a->ses->g, hit);
        o += (size_t)snprintf(out + o, size - o, "%s", name);
        if (o >= size) o = size - 1;
        p += strlen(ro->id);
    }
    out[o] = '\0';
}

/* Hot reload ------------------------------------------------------------------ */

/* Another game in the window: no read marks, the view from the start. */
static void adopt(ui_app *a)
{
    a->warning[0] = '\0';
    free(a->read);
    a->read = NULL, a->read_items = 0;
    reset_view(a); /* the timer goes on: the same game, the same move */
    ui_timer_sync(a);
}

/* The new game replaces the old one whenever the scenario loads and the
   game starts on it; commands that no longer replay are kept (reload.h)
   and the banner says where and how to get them back. */
int ui_game_reload(ui_app *a)
{
    static char err[16384];
    static reload_info in;
    char path[UI_PATH_MAX];
    if (!a->ses || !a->scr) return -1;
    str_fmt(path, sizeof path, "%s", a->ses->j ? a->ses->j->path : a->save_path);
    if (reload_game(&a->ses, &a->scr, path, &in, err, sizeof err)) {
        str_fmt(a->warning, sizeof a->warning,
                _("Reload failed; the game goes on unchanged (F5 to try again). %s"), err);
        a->dirty = 1;
        return -1;
    }
    adopt(a);
    strbuf b = {0};
    reload_describe(&in, &ui_reload_words, &b);
    char done[sizeof a->status];
    if (in.r.pending || in.r.left_out || in.save_err[0])
        reload_words_to(a->warning, sizeof a->warning, &b);
    else
        reload_words_to(done, sizeof done, &b), ui_set_status(a, "%s", done);
    sb_free(&b);
    a->dirty = 1;
    return 0;
}

/* The report ------------------------------------------------------------------ */

/* SAVE.jsonl -> SAVE.html; without a save, a new name in the saves folder. */
static int report_path(ui_app *a, char *out, size_t size, char *err, size_t errlen)
{
    if (!a->save_path[0] && datadir_save_path(a->ses->sc->id, out, size, err, errlen)) return -1;
    if (a->save_path[0]) str_fmt(out, size, "%s", a->save_path);
    size_t n = strlen(out);
    if (n > 6 && !strcmp(out + n - 6, ".jsonl")) out[n - 6] = '\0';
    str_cat(out, size, ".html");
    return 0;
}

int ui_write_report(ui_app *a)
{
    char path[UI_PATH_MAX + 100], err[OUTFILE_ERR_MAX];
    strbuf b = {0};
    report_opts o = {0};
    if (!a->ses) return -1;
    int rc = -1;
    if (report_path(a, path, sizeof path, err, sizeof err))
        str_fmt(a->report_msg, sizeof a->report_msg, _("Could not write the report: %s"), err);
    else if (report_html(a->ses, &o, &b))
        str_fmt(a->report_msg, sizeof a->report_msg,
                _("Could not write the report to %s: there is no game to report"), path);
    else if (outfile_write(path, b.s, b.len, err, sizeof err))
        str_fmt(a->report_msg, sizeof a->report_msg, _("Could not write the report: %s"), err);
    else {
        str_fmt(a->report_msg, sizeof a->report_msg, _("Report written to %s"), path);
        rc = 0;
    }
    a->report_bad = rc != 0;
    sb_free(&b);
    a->dirty = 1;
    return rc;
}
