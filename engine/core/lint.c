/*
 * lint.c -- see lint.h. Each rule is one function over the definitions;
 * what a scenario's functions (run, when, requires) do cannot be seen from
 * here, so the messages say so where a function could make a rule wrong.
 */
#include "lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The list ------------------------------------------------------------------- */

void lint_add(lint_list *l, lint_severity sev, def_where at, const char *fmt, ...)
{
    va_list ap;
    strbuf b = {0};
    va_start(ap, fmt);
    sb_vprintf(&b, fmt, ap);
    va_end(ap);
    lint_item *it = VEC_PUSH(l->v, l->n, l->cap);
    it->sev = sev;
    it->at = at;
    it->msg = b.s ? b.s : xstrdup("");
    it->rule = LINT_R_OTHER;
    it->ref = -1;
    if (sev == LINT_ERROR)
        l->errors++;
    else if (sev == LINT_WARNING)
        l->warnings++;
}

static int by_place(const lint_item *a, const lint_item *b)
{
    int c = strcmp(a->at.file ? a->at.file : "", b->at.file ? b->at.file : "");
    return c ? c : a->at.line - b->at.line;
}

void lint_tag(lint_list *l, lint_rule rule, int ref)
{
    if (l->n == 0) return;
    l->v[l->n - 1].rule = rule;
    l->v[l->n - 1].ref = ref;
}

void lint_drop(lint_list *l, lint_rule rule, int ref)
{
    int k = 0;
    for (int i = 0; i < l->n; i++) {
        lint_item *it = &l->v[i];
        if (it->rule != rule || it->ref != ref) {
            l->v[k++] = *it;
            continue;
        }
        if (it->sev == LINT_ERROR)
            l->errors--;
        else if (it->sev == LINT_WARNING)
            l->warnings--;
        free(it->msg);
    }
    l->n = k;
}

/* An insertion sort: stable, and lists are a few dozen items long. */
void lint_sort(lint_list *l)
{
    for (int i = 1; i < l->n; i++) {
        lint_item x = l->v[i];
        int j = i;
        for (; j > 0 && by_place(&l->v[j - 1], &x) > 0; j--) l->v[j] = l->v[j - 1];
        l->v[j] = x;
    }
}

void lint_free(lint_list *l)
{
    for (int i = 0; i < l->n; i++) free(l->v[i].msg);
    free(l->v);
    memset(l, 0, sizeof *l);
}

const char *lint_severity_name(lint_severity sev)
{
    return sev == LINT_ERROR ? "error" : sev == LINT_WARNING ? "warning" : "note";
}

int lint_accept(lint_list *l, const def_scenario *sc)
{
    int n = 0;
    for (int i = 0; i < l->n; i++) {
        lint_item *it = &l->v[i];
        for (int k = 0; k < sc->naccept && it->sev == LINT_WARNING; k++)
            if (strstr(it->msg, sc->accept[k])) {
                it->sev = LINT_NOTE;
                l->warnings--;
                n++;
            }
    }
    return n;
}

int lint_chars(const char *s)
{
    int n = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++; /* count lead bytes only */
    return n;
}

/* Events nothing delivers ---------------------------------------------------- */

static int delivered_by_effect(const def_scenario *sc, int event)
{
    for (int i = 0; i < sc->neffects; i++)
        for (int k = 0; k < sc->effects[i].ndeliver; k++)
            if (sc->effects[i].deliver[k] == event) return 1;
    return 0;
}

/* The event an event follows (through `after`), or -1. */
static int parent_event(const def_scenario *sc, const def_event *e)
{
    if (e->after_event >= 0) return e->after_event;
    if (e->after_option >= 0) return sc->moves[e->after_option].event;
    return -1;
}

/* Mark the events some trigger can deliver: roots first, then whatever
   follows a marked event, until nothing changes. */
static void mark_reachable(const def_scenario *sc, char *ok)
{
    for (int i = 0; i < sc->nevents; i++) {
        const def_event *e = &sc->events[i];
        ok[i] = e->turn > 0 || e->when || delivered_by_effect(sc, i);
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < sc->nevents; i++) {
            int p = parent_event(sc, &sc->events[i]);
            if (!ok[i] && p >= 0 && ok[p]) ok[i] = changed = 1;
        }
    }
}

static void lint_events_reachable(const def_scenario *sc, lint_list *out)
{
    char *ok = xcalloc((size_t)sc->nevents + 1, 1);
    mark_reachable(sc, ok);
    for (int i = 0; i < sc->nevents; i++) {
        const def_event *e = &sc->events[i];
        int p = parent_event(sc, e);
        if (ok[i]) continue;
        if (p >= 0)
            lint_add(out, LINT_WARNING, e->at,
                     "event '%s' is never delivered: it follows '%s', which nothing delivers "
                     "(deliver '%s' first)",
                     e->id, sc->events[p].id, sc->events[p].id);
        else
            lint_add(out, LINT_WARNING, e->at,
                     "event '%s' is never delivered: it has no turn, when or after, and no "
                     "effect's deliver names it (only `fire %s` or a g:deliver in a function "
                     "could send it); give it a `turn`, a `when` or an `after`",
                     e->id, e->id);
        lint_tag(out, LINT_R_UNDELIVERED, i);
    }
    free(ok);
}

/* Options and actions that do nothing ---------------------------------------- */

static int in_list(const int *v, int n, int x)
{
    for (int i = 0; i < n; i++)
        if (v[i] == x) return 1;
    return 0;
}

/* An option matters without effects when an event follows it or a
   requirement names it. */
static int option_referenced(const def_scenario *sc, int move)
{
    for (int i = 0; i < sc->nevents; i++)
        if (sc->events[i].after_option == move) return 1;
    for (int i = 0; i < sc->nmoves; i++) {
        const def_req *r = &sc->moves[i].req;
        if (!sc->moves[i].has_req) continue;
        if (in_list(r->chosen, r->nchosen, move) || in_list(r->not_chosen, r->nnot_chosen, move))
            return 1;
    }
    return 0;
}

static void lint_moves_effect(const def_scenario *sc, lint_list *out)
{
    for (int i = 0; i < sc->nmoves; i++) {
        const def_move *m = &sc->moves[i];
        if (m->neffects) continue;
        if (m->event < 0) {
            lint_add(out, LINT_WARNING, m->at, "action '%s' has no effects", m->id);
            continue;
        }
        if (option_referenced(sc, i)) continue;
        lint_add(out, LINT_WARNING, m->at,
                 "option '%s.%s' has no effect: no effects, no event follows it (after = "
                 "\"%s.%s\") and no requirement names it (unless a function reads g:chosen)",
                 sc->events[m->event].id, m->id, sc->events[m->event].id, m->id);
    }
}

/* Endings and objectives ----------------------------------------------------- */

static int named_by_finish(const def_scenario *sc, int ending)
{
    for (int i = 0; i < sc->neffects; i++)
        if (sc->effects[i].finish == ending) return 1;
    return 0;
}

static void lint_endings(const def_scenario *sc, lint_list *out)
{
    int fallback = -1;
    for (int i = 0; i < sc->nendings; i++) {
        const def_ending *e = &sc->endings[i];
        if (e->early && !e->when)
            lint_add(out, LINT_WARNING, e->at,
                     "ending '%s' is early but has no when: early has no effect without it", e->id);
        /* The first ending without `when` is always taken at the end, so the
           ones after it can only be reached early or by a finish. */
        if (fallback >= 0 && !(e->early && e->when) && !named_by_finish(sc, i))
            lint_add(out, LINT_WARNING, e->at,
                     "ending '%s' can never be chosen: '%s' before it has no when and is always "
                     "taken (move it up, make it early, or name it in a finish effect)",
                     e->id, sc->endings[fallback].id);
        if (fallback >= 0 && !(e->early && e->when) && !named_by_finish(sc, i))
            lint_tag(out, LINT_R_SHADOWED, i);
        if (fallback < 0 && !e->when) fallback = i;
    }
}

static void lint_objectives(const def_scenario *sc, lint_list *out)
{
    if (sc->nobjectives == 0 && sc->nendings > 0)
        lint_add(out, LINT_WARNING, sc->at,
                 "no objective: the debrief has nothing to score (declare objective { ... })");
    for (int i = 0; i < sc->nobjectives; i++)
        if (!sc->objectives[i].score)
            lint_add(out, LINT_ERROR, sc->objectives[i].at,
                     "objective '%s' has no score function: no ending can rate it",
                     sc->objectives[i].id);
}

/* Text that does not fit, sources, meters ------------------------------------ */

static void too_long(lint_list *out, def_where at, const char *what, const char *id, const char *s,
                     int max)
{
    int n = lint_chars(s);
    if (n > max)
        lint_add(out, LINT_WARNING, at,
                 "%s of '%s' is %d characters; the window at 1280x720 shows about %d", what, id, n,
                 max);
}

static void lint_lengths(const def_scenario *sc, lint_list *out)
{
    for (int i = 0; i < sc->nevents; i++) {
        const def_event *e = &sc->events[i];
        too_long(out, e->at, "the title", e->id, e->title, LINT_TITLE_MAX);
        too_long(out, e->at, "the text", e->id, e->text, LINT_TEXT_MAX);
    }
    for (int i = 0; i < sc->nmoves; i++) {
        const def_move *m = &sc->moves[i];
        char path[2 * 64 + 2];
        def_move_path(sc, i, path, sizeof path);
        too_long(out, m->at, "the label", path, m->label, LINT_LABEL_MAX);
    }
}

static void lint_sources(const def_scenario *sc, lint_list *out)
{
    for (int i = 0; i < sc->nsources; i++) {
        const def_source *s = &sc->sources[i];
        if (s->url && !def_url_linkable(s->url))
            lint_add(out, LINT_WARNING, s->at,
                     "source '%s': url \"%s\" is not http:// or https://; the report shows it "
                     "as text, not as a link",
                     s->id, s->url);
    }
    for (int i = 0; i < sc->nevents; i++)
        if (sc->events[i].nsources == 0)
            lint_add(out, LINT_WARNING, sc->events[i].at,
                     "event '%s' cites no source (add source = \"id\", or \"fiction\" for "
                     "invented content)",
                     sc->events[i].id);
}

static void lint_meters(const def_scenario *sc, lint_list *out)
{
    for (int i = 0; i < sc->nmeters; i++) {
        const def_meter *m = &sc->meters[i];
        if (m->min > m->max)
            lint_add(out, LINT_ERROR, m->at, "meter '%s': min %g is above max %g", m->id, m->min,
                     m->max);
        else if (m->start < m->min || m->start > m->max)
            lint_add(out, LINT_ERROR, m->at, "meter '%s': start %g lies outside %g..%g", m->id,
                     m->start, m->min, m->max);
    }
}

int lint_scenario(const def_scenario *sc, lint_list *out)
{
    int before = out->n;
    lint_events_reachable(sc, out);
    lint_moves_effect(sc, out);
    lint_endings(sc, out);
    lint_objectives(sc, out);
    lint_lengths(sc, out);
    lint_sources(sc, out);
    lint_meters(sc, out);
    return out->n - before;
}

/* Script errors -------------------------------------------------------------- */

/* A place "file:line" of one of the scenario's files at p: its length. */
static int place_at(const def_scenario *sc, const char *p, def_where *at)
{
    for (int i = 0; i < sc->nfiles; i++) {
        size_t n = strlen(sc->files[i]);
        if (strncmp(p, sc->files[i], n) != 0 || p[n] != ':') continue;
        char *end;
        long line = strtol(p + n + 1, &end, 10);
        if (end == p + n + 1 || line <= 0 || line > 1000000000L) continue;
        at->file = sc->files[i];
        at->line = (int)line;
        return (int)(end - p);
    }
    return 0;
}

/* "event 'x' when (events.lua:12): " at the start of msg: its length (0:
   none), with the callback's own place. */
static int callback_prefix(const def_scenario *sc, const char *msg, def_where *decl)
{
    const char *nl = strchr(msg, '\n');
    for (const char *p = msg; *p && (!nl || p < nl); p++) {
        if (*p != '(') continue;
        int n = place_at(sc, p + 1, decl);
        if (n && p[n + 1] == ')' && p[n + 2] == ':' && p[n + 3] == ' ')
            return (int)(p - msg) + n + 4;
    }
    return 0;
}

/* The likeliest cause of Lua's commonest errors in a scenario's function. */
static const char *nil_hint(const char *text)
{
    static const char *const nil_errors[] = {
        "attempt to compare nil with", "attempt to compare number with nil",
        "attempt to perform arithmetic on a nil value", "attempt to index a nil value",
        "attempt to concatenate a nil value"};
    for (size_t i = 0; i < sizeof nil_errors / sizeof nil_errors[0]; i++)
        if (strstr(text, nil_errors[i]))
            return "; a value is nil: a g.state key not set yet (give it a value first, or write "
                   "`(g.state.key or 0)`), or a misspelt name?";
    return "";
}

void lint_script_error(const def_scenario *sc, const char *msg, def_where *at, char *buf,
                       size_t size)
{
    def_where decl = sc->at;
    int pre = callback_prefix(sc, msg, &decl);
    const char *rest = msg + pre, *nl = strchr(rest, '\n');
    int first = nl ? (int)(nl - rest) : (int)strlen(rest);
    const char *more = nl ? nl : "";
    strbuf text = {0};
    int n;
    *at = decl;
    if ((n = place_at(sc, rest, at)) > 0 && rest[n] == ':' && rest[n + 1] == ' ') {
        sb_printf(&text, "%.*s", first - n - 2, rest + n + 2); /* Lua's error, with its place */
    } else {
        const char *p = rest;
        for (; p < rest + first; p++) /* the sandbox's: "... at events.lua:3; ..." */
            if ((!strncmp(p, " at ", 4) || !strncmp(p, " near ", 6)) &&
                (n = place_at(sc, p + (p[1] == 'a' ? 4 : 6), at)) > 0)
                break;
        if (p < rest + first) {
            int skip = (int)(p - rest) + (p[1] == 'a' ? 4 : 6) + n;
            sb_printf(&text, "%.*s%.*s", (int)(p - rest), rest, first - skip, rest + skip);
            char same[300]; /* Lua's own line saying it again */
            snprintf(same, sizeof same, "\n%s:%d: ", at->file, at->line);
            if (!strncmp(more, same, strlen(same))) more = strchr(more + 1, '\n');
            if (!more) more = "";
        } else {
            sb_printf(&text, "%.*s", first, rest);
        }
    }
    if (text.s) sb_puts(&text, nil_hint(text.s));
    while (pre > 0 && (msg[pre - 1] == ' ' || msg[pre - 1] == ':')) pre--;
    if (pre > 0)
        snprintf(buf, size, "%s (in %.*s)%s", text.s ? text.s : "", pre, msg, more);
    else
        snprintf(buf, size, "%s%s", text.s ? text.s : "", more);
    sb_free(&text);
}
