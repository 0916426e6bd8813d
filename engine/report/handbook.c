/*
 * handbook.c -- the facilitator's handbook of a scenario (report.h), in the
 * shape of a CISA situation manual and facilitator guide: scope, objectives
 * and core capabilities, the teams with one printable page each (its brief
 * and private information, to hand out), the modules with their timing for
 * a 90-minute and a half-day session and questions for discussion, the
 * master scenario events list (MSEL: every inject, its trigger, channel,
 * audience, summary, expected actions and source), the hidden truth, the
 * endings and the sources. One self-contained page that prints on A4 or
 * Letter; the MSEL also as CSV (report_msel_csv).
 *
 * Modules are the scenario's phases, read off its clock: turns whose
 * labels share a month ("Jul 2022") form one, when that gives two to eight;
 * otherwise the turns are cut into up to six equal parts. A module is
 * named after the file most of its injects come from (events/outage.lua:
 * "Outage"), else by its turns.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "report_int.h"

#define HB_MAX_MODULES   8   /* more modules than this are not phases but turns */
#define HB_EVEN_MODULES  6   /* modules when the clock gives no months */
#define HB_DEPTH         64  /* `after` links followed to place an inject in time */
#define HB_SUMMARY       240 /* bytes of an inject's text in the MSEL's summary */
#define HB_SHORT_MINUTES 90
#define HB_FULL_MINUTES  240

typedef struct hb_module {
    int from, to; /* turns */
    char title[96];
    int injects, decisions;
} hb_module;

/* When an inject comes ------------------------------------------------------------ */

/* The turn an inject is due, following `after` to an inject set for a turn;
   0 when only a condition or the facilitator brings it. */
static int due_turn(const def_scenario *sc, int ev, int depth)
{
    const def_event *e = &sc->events[ev];
    if (e->turn) return e->turn;
    if (e->after_event >= 0 && depth < HB_DEPTH) {
        int t = due_turn(sc, e->after_event, depth + 1);
        return t ? t + e->delay : 0;
    }
    return e->when && e->from_turn ? e->from_turn : 0;
}

static void trigger_words(const def_scenario *sc, const def_event *e, strbuf *b)
{
    char opt[200] = "";
    if (e->turn)
        sb_printf(b, "turn %d", e->turn);
    else if (e->after_event >= 0) {
        if (e->after_option >= 0) def_move_path(sc, e->after_option, opt, sizeof opt);
        sb_printf(b, "%d turn%s after %s %s", e->delay, e->delay == 1 ? "" : "s",
                  opt[0] ? "the choice of" : "the delivery of",
                  opt[0] ? opt : sc->events[e->after_event].id);
    } else if (e->when)
        sb_printf(b, "when its condition holds%s", e->from_turn ? ", from turn " : "");
    else
        sb_puts(b, "only when an effect or the facilitator sends it");
    if (!e->turn && e->after_event < 0 && e->when && e->from_turn) sb_printf(b, "%d", e->from_turn);
    if (e->when && (e->turn || e->after_event >= 0)) sb_puts(b, ", if its condition holds");
}

static void audience(const def_scenario *sc, uint32_t to, strbuf *b)
{
    uint32_t all = sc->nroles >= 32 ? 0xffffffffu : (1u << sc->nroles) - 1;
    if ((to & all) == all) {
        sb_puts(b, "every team");
        return;
    }
    logtext_roles(sc, to, b);
}

/* The inject's text up to its first sentence's end, or HB_SUMMARY bytes. */
static void summary(const char *text, strbuf *b)
{
    size_t n = 0, len = strlen(text ? text : "");
    for (; n < len && n < HB_SUMMARY; n++)
        if (text[n] == '.' && (text[n + 1] == ' ' || !text[n + 1]) && n > 20) {
            n++;
            break;
        }
    while (n < len && n > 0 && (text[n] & 0xC0) == 0x80) n--; /* not inside a character */
    sb_add(b, text ? text : "", n);
    if (n < len) sb_puts(b, " …");
}

static void expected(const def_scenario *sc, const def_event *e, strbuf *b)
{
    if (!e->noptions) {
        sb_puts(b, "No decision: information to discuss and act on with standing actions.");
        return;
    }
    sb_printf(b, "%s decides: ", logtext_role(sc, e->decider));
    for (int i = 0; i < e->noptions; i++) {
        const def_move *m = &sc->moves[e->options[i]];
        sb_printf(b, "%s%s%s", i ? "; " : "", m->label,
                  m->historical ? " (what really happened)" : "");
    }
    sb_puts(b, ".");
    if (e->expires && e->default_option >= 0)
        sb_printf(b, " Open for %d turn%s, then: %s.", e->expires, e->expires == 1 ? "" : "s",
                  sc->moves[e->default_option].label);
}

static const char *source_title(const def_scenario *sc, const char *id)
{
    if (strcmp(id, "fiction") == 0) return "invented for the exercise";
    for (int i = 0; i < sc->nsources; i++)
        if (strcmp(sc->sources[i].id, id) == 0)
            return sc->sources[i].publisher ? sc->sources[i].publisher : sc->sources[i].title;
    return id;
}

static void sources_of(const def_scenario *sc, const def_event *e, strbuf *b)
{
    for (int i = 0; i < e->nsources; i++)
        sb_printf(b, "%s%s", i ? "; " : "", source_title(sc, e->sources[i]));
    if (!e->nsources) sb_puts(b, "not given");
}

/* Modules --------------------------------------------------------------------------- */

/* "Jul 2022" of a label such as "Fri 15 Jul 2022, 08:00"; "" when none. */
static void month_of(const char *label, char *out, size_t size)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    out[0] = '\0';
    for (const char *p = label; *p; p++)
        for (int m = 0; m < 12; m++)
            if (strncmp(p, months[m], 3) == 0 && p[3] == ' ' && isdigit((unsigned char)p[4]) &&
                isdigit((unsigned char)p[7]) && (p == label || p[-1] == ' ')) {
                str_fmt(out, size, "%.8s", p);
                return;
            }
}

static int by_month(const def_scenario *sc, hb_module *m)
{
    char cur[16] = "", next[16];
    int n = 0;
    for (int t = 1; t <= sc->nturns; t++) {
        month_of(sc->turn_labels[t - 1], next, sizeof next);
        if (!next[0]) return 0;
        if (strcmp(next, cur) != 0) {
            if (n == HB_MAX_MODULES) return 0;
            m[n++] = (hb_module){t, t, "", 0, 0};
            str_fmt(cur, sizeof cur, "%s", next);
        }
        m[n - 1].to = t;
    }
    return n >= 2 ? n : 0;
}

/* About three turns a module, at most HB_EVEN_MODULES. */
static int evenly(const def_scenario *sc, hb_module *m)
{
    int n = (sc->nturns + 2) / 3;
    if (n > HB_EVEN_MODULES) n = HB_EVEN_MODULES;
    if (n < 1) n = 1;
    for (int i = 0; i < n; i++)
        m[i] = (hb_module){1 + i * sc->nturns / n, (i + 1) * sc->nturns / n, "", 0, 0};
    return n;
}

/* "Outage" of "events/outage.lua". */
static void file_title(const char *file, char *out, size_t size)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strcspn(base, ".");
    str_fmt(out, size, "%.*s", (int)n, base);
    for (char *p = out; *p; p++)
        if (*p == '_' || *p == '-') *p = ' ';
    out[0] = (char)toupper((unsigned char)out[0]);
}

/* Injects due in the module that were declared in the same file as ev. */
static int same_file(const def_scenario *sc, const hb_module *m, int ev)
{
    const char *f = sc->events[ev].at.file;
    int n = 0;
    for (int k = 0; f && k < sc->nevents; k++) {
        int t = due_turn(sc, k, 0);
        n += t >= m->from && t <= m->to && sc->events[k].at.file &&
             strcmp(sc->events[k].at.file, f) == 0;
    }
    return n;
}

/* After the one or two files most of its injects come from ("Outage and
   attribution"), else its month, else its turns. */
/* Injects come from more than one file: their names then tell phases. */
static int many_files(const def_scenario *sc)
{
    for (int i = 1; i < sc->nevents; i++)
        if (sc->events[i].at.file && sc->events[0].at.file &&
            strcmp(sc->events[i].at.file, sc->events[0].at.file) != 0)
            return 1;
    return 0;
}

static void name_module(const def_scenario *sc, hb_module *m, const char *month)
{
    int best = -1, second = -1, nb = 0, ns = 0;
    for (int i = 0; i < sc->nevents; i++) {
        int t = due_turn(sc, i, 0);
        if (t < m->from || t > m->to) continue;
        m->injects++, m->decisions += sc->events[i].noptions > 0;
        int n = same_file(sc, m, i);
        if (best >= 0 && !strcmp(sc->events[i].at.file, sc->events[best].at.file)) continue;
        if (n > nb)
            second = best, ns = nb, best = i, nb = n;
        else if (n > ns &&
                 (second < 0 || strcmp(sc->events[i].at.file, sc->events[second].at.file)))
            second = i, ns = n;
    }
    char a[48], b[48];
    if (!many_files(sc)) best = second = -1;
    if (best >= 0) file_title(sc->events[best].at.file, a, sizeof a);
    if (best >= 0 && 2 * nb >= m->injects)
        str_fmt(m->title, sizeof m->title, "%s", a);
    else if (second >= 0 && 3 * (nb + ns) >= 2 * m->injects) {
        file_title(sc->events[second].at.file, b, sizeof b);
        b[0] = (char)tolower((unsigned char)b[0]);
        str_fmt(m->title, sizeof m->title, "%s and %s", a, b);
    } else if (month && *month)
        str_fmt(m->title, sizeof m->title, "%s", month);
    else if (m->from == m->to)
        str_fmt(m->title, sizeof m->title, "Turn %d", m->from);
    else
        str_fmt(m->title, sizeof m->title, "Turns %d to %d", m->from, m->to);
}

static int modules(const def_scenario *sc, hb_module *m)
{
    int n = by_month(sc, m), months = n;
    if (!n) n = evenly(sc, m);
    for (int i = 0; i < n; i++) {
        char month[16] = "";
        if (months) month_of(sc->turn_labels[m[i].from - 1], month, sizeof month);
        name_module(sc, &m[i], month);
    }
    return n;
}

/* Minutes for each module out of `total`: by turns, and twice for each
   decision (a decision is where the room talks longest), in steps of 5. */
static void share(const hb_module *m, int n, int total, int *out)
{
    int weight = 0, used = 0;
    for (int i = 0; i < n; i++) weight += (m[i].to - m[i].from + 1) + 2 * m[i].decisions;
    for (int i = 0; i < n; i++) {
        int w = (m[i].to - m[i].from + 1) + 2 * m[i].decisions;
        out[i] = weight ? (total * w / weight + 2) / 5 * 5 : total / n;
        if (out[i] < 5) out[i] = 5;
        used += out[i];
    }
    out[n - 1] += total - used; /* the last one takes what rounding left */
    if (out[n - 1] < 5) out[n - 1] = 5;
}

/* The page ---------------------------------------------------------------------------- */

static const char hb_css[] =
    ":root{--ink:#1d2733;--muted:#5a6675;--line:#d5dbe3;--soft:#f4f6f9;--accent:#24507a;--warn:#"
    "8a2a0a}\n" REPORT_PAGE_CSS ".sub,.note,.muted{color:var(--muted)}.note{font-size:13px}\n"
    ".handling{border:2px solid var(--warn);color:var(--warn);padding:10px "
    "14px;font-weight:600;margin:16px 0 0}\n"
    "table{width:100%;border-collapse:collapse;margin:8px 0 16px;font-size:14px}\n"
    "th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid "
    "var(--line);overflow-wrap:anywhere}\n"
    "thead th{background:var(--soft);border-bottom:2px solid var(--line);font-size:13px}\n"
    "table.kv th{width:28%;color:var(--muted);font-weight:600}\n"
    "table.msel{table-layout:fixed;font-size:12px}\n"
    "table.msel td,table.msel th{overflow-wrap:break-word}\n"
    "table.msel td:first-child,table.timing td:nth-child(2){white-space:nowrap}\n"
    "table.msel col.c-n{width:5%}table.msel col.c-when{width:12%}table.msel col.c-to{width:11%}\n"
    "table.msel col.c-inj{width:30%}table.msel col.c-exp{width:28%}table.msel "
    "col.c-src{width:14%}\n"
    "tr.module th{background:var(--soft);color:var(--accent)}\n"
    ".pre{white-space:pre-line}.small{font-size:12px}\n"
    "section.team{border:1px solid var(--line);border-radius:4px;padding:16px 20px;margin:20px 0}\n"
    "section.team "
    ".for{color:var(--warn);font-weight:600;font-size:13px;text-transform:uppercase;letter-spacing:"
    ".06em}\n"
    ".secret{border-left:4px solid var(--warn);background:#fbf1ec;padding:8px 12px}\n"
    ".inject{border-left:3px solid var(--line);padding:2px 0 2px 12px;margin:10px 0}\n"
    ".inject .meta{font-size:12px;color:var(--muted)}\n"
    ".truth{border-left:4px solid var(--accent);background:var(--soft);padding:10px "
    "14px;margin:8px 0}\n"
    "table,tr,.inject,.truth,.secret,.keep{break-inside:avoid;page-break-inside:avoid}\n"
    "code{font-family:'DejaVu Sans Mono',monospace;font-size:.92em}\n"
    "table.flow{break-inside:auto;page-break-inside:auto}\n"
    "footer{margin-top:40px;font-size:12px;color:var(--muted);border-top:1px solid "
    "var(--line);padding-top:8px}\n"
    "@page{size:auto;margin:16mm 14mm}\n"
    "@media "
    "print{body{background:none;font-size:10.5pt}main{max-width:none;margin:0;padding:0;border:0}"
    "thead{display:table-header-group}thead th,tr.module "
    "th,.truth,.secret{background:none}a{color:inherit;text-decoration:none}section.team{border:0;"
    "padding:0;margin:0;break-before:page;page-break-before:always}section.brk{break-before:page;"
    "page-break-before:always}table.msel{font-size:8.5pt}}\n";

static void section(strbuf *b, const char *id, const char *title, int brk)
{
    sb_printf(b, "<section id=\"%s\"%s>\n<h2>", id, brk ? " class=\"brk\"" : "");
    html_text(b, title);
    sb_puts(b, "</h2>\n");
}

static void head(strbuf *b, const def_scenario *sc, const char *what)
{
    sb_puts(b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
               "<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" "
               "content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" "
               "content=\"crisisroom " CR_ENGINE_VERSION "\"/>\n<title>");
    html_text(b, what);
    sb_puts(b, ": ");
    html_text(b, sc->title);
    sb_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", hb_css);
}

static void cover(strbuf *b, const def_scenario *sc)
{
    sb_puts(b, "<header class=\"cover\">\n<p class=\"kicker\">Situation manual and "
               "facilitator guide</p>\n");
    html_el(b, "h1", NULL, sc->title);
    sb_puts(b, "<p class=\"sub\">");
    html_text(b, sc->id);
    if (sc->version) sb_puts(b, " v"), html_text(b, sc->version);
    sb_printf(b, " · %d turns · %d teams · %d injects</p>\n", sc->nturns, sc->nroles, sc->nevents);
    sb_puts(b, "<p class=\"handling\">For the facilitator and evaluators only. This handbook "
               "holds the schedule of every inject and the hidden truth: never show it to the "
               "players. Hand each team its own team page (section 4), and nothing else.</p>\n"
               "</header>\n");
}

static void scope(strbuf *b, const def_scenario *sc, const hb_module *m, int n)
{
    section(b, "scope", "1. Scope and structure", 0);
    if (sc->summary) html_el(b, "p", NULL, sc->summary);
    sb_puts(b, "<table class=\"kv\">\n");
    strbuf v = {0};
    sb_printf(&v, "%d turns, from %s to %s", sc->nturns, sc->turn_labels[0],
              sc->turn_labels[sc->nturns - 1]);
    sb_puts(b, "<tr><th>In the world</th>"), html_el(b, "td", NULL, v.s), sb_puts(b, "</tr>\n");
    v.len = 0;
    for (int r = 0; r < sc->nroles; r++) sb_printf(&v, "%s%s", r ? "; " : "", sc->roles[r].name);
    sb_puts(b, "<tr><th>Teams</th>"), html_el(b, "td", NULL, v.s), sb_puts(b, "</tr>\n");
    v.len = 0;
    for (int i = 0; i < n; i++) sb_printf(&v, "%s%d. %s", i ? "; " : "", i + 1, m[i].title);
    sb_puts(b, "<tr><th>Modules</th>"), html_el(b, "td", NULL, v.s), sb_puts(b, "</tr>\n");
    sb_printf(b, "<tr><th>Variants (hidden truths)</th><td>%d%s</td></tr>\n</table>\n",
              sc->nvariants,
              sc->nvariants ? ": drawn by the seed in variant mode (section 7)" : "");
    sb_free(&v);
    if (sc->situation) {
        sb_puts(b, "<h3>The situation at the start</h3>\n");
        html_el(b, "p", "pre", sc->situation);
    }
    sb_puts(b, "<h3>Ground rules</h3>\n<ul>\n<li>A turn is one step of the clock; each team "
               "moves in it (in the window one after another, with <code>crisisroom host</code> "
               "at once).</li>\n<li>Every decision and its rationale is journaled and goes into "
               "the after-action report.</li>\n<li>The facilitator may pause, inject, override "
               "a meter or end the exercise from the console; each of those is journaled "
               "too.</li>\n<li>Evaluators record observations (objective, core capability, "
               "strength or area for improvement, root cause) with <code>observe</code> and "
               "<code>cause</code>, during play or at the hotwash.</li>\n</ul>\n</section>\n");
}

static void objectives(strbuf *b, const def_scenario *sc)
{
    section(b, "objectives", "2. Objectives and core capabilities", 0);
    sb_puts(b, "<h3>Learning objectives</h3>\n<ul>\n");
    for (int i = 0; i < sc->nlearning; i++) html_el(b, "li", NULL, sc->learning[i]);
    if (!sc->nlearning) html_el(b, "li", "muted", "The scenario states none.");
    sb_puts(b, "</ul>\n<h3>Exercise objectives (rated P, S, M or U at the end)</h3>\n<table>\n"
               "<thead><tr><th>Objective</th><th>How it is judged</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < sc->nobjectives; i++) {
        sb_puts(b, "<tr>");
        html_el(b, "td", NULL, sc->objectives[i].title);
        html_el(b, "td", "pre", sc->objectives[i].text ? sc->objectives[i].text : "");
        sb_puts(b, "</tr>\n");
    }
    sb_puts(b, "</tbody>\n</table>\n<h3>Core capabilities</h3>\n");
    if (!sc->ncapabilities)
        html_el(b, "p", "muted", "The scenario names none; observations may cite any of the 32.");
    sb_puts(b, "<ul>\n");
    for (int i = 0; i < sc->ncapabilities; i++) {
        int k = hseep_capability_find(sc->capabilities[i]);
        if (k < 0) continue;
        sb_puts(b, "<li><strong>");
        html_text(b, hseep_capabilities[k].name);
        sb_puts(b, "</strong> <span class=\"muted\">(");
        html_text(b, hseep_capabilities[k].id);
        sb_puts(b, "; mission: ");
        html_text(b, hseep_capabilities[k].missions);
        sb_puts(b, ")</span></li>\n");
    }
    sb_puts(b, "</ul>\n</section>\n");
}

static void roles(strbuf *b, const def_scenario *sc)
{
    section(b, "roles", "3. Roles", 0);
    sb_puts(b, "<table>\n<thead><tr><th>Team</th><th>Action points a turn</th><th>Standing "
               "actions</th></tr></thead>\n<tbody>\n");
    for (int r = 0; r < sc->nroles; r++) {
        int n = sc->role_first[r + 1] - sc->role_first[r];
        sb_puts(b, "<tr>");
        html_el(b, "td", NULL, sc->roles[r].name);
        sb_printf(b, "<td>%d</td><td>%d</td></tr>\n", sc->roles[r].budget, n);
    }
    sb_puts(b, "</tbody>\n</table>\n<p>The <strong>facilitator</strong> runs the clock and the "
               "console, reads the injects to come and decides when to pause, inject or "
               "override. <strong>Evaluators</strong> watch one or more teams against the "
               "objectives and record observations. Observers watch without moving.</p>\n"
               "</section>\n");
}

static void action_list(strbuf *b, const def_scenario *sc, int r)
{
    sb_puts(b, "<h3>Your standing actions</h3>\n<ul>\n");
    for (int k = sc->role_first[r]; k < sc->role_first[r + 1]; k++) {
        const def_move *m = &sc->moves[sc->by_role[k]];
        sb_puts(b, "<li><strong>");
        html_text(b, m->label);
        sb_printf(b, "</strong> <span class=\"muted\">(%d point%s)</span>", m->cost,
                  m->cost == 1 ? "" : "s");
        if (m->text) sb_puts(b, ": "), html_text(b, m->text);
        sb_puts(b, "</li>\n");
    }
    if (sc->role_first[r] == sc->role_first[r + 1]) html_el(b, "li", "muted", "none");
    sb_puts(b, "</ul>\n");
}

/* One page a team, to hand out: what that team may read, nothing more. */
static void team_page(strbuf *b, const def_scenario *sc, int r)
{
    const def_role *ro = &sc->roles[r];
    sb_printf(b, "<section class=\"team\" id=\"team-%s\">\n<p class=\"for\">For ", ro->id);
    html_text(b, ro->name);
    sb_puts(b, " only</p>\n<h2>");
    html_text(b, ro->name);
    sb_puts(b, "</h2>\n");
    if (sc->situation) html_el(b, "p", "pre", sc->situation);
    sb_puts(b, "<h3>Your brief</h3>\n");
    html_el(b, "p", "pre", ro->brief);
    if (ro->secret) {
        sb_puts(b, "<h3>Only you know</h3>\n");
        html_el(b, "p", "secret pre", ro->secret);
    }
    sb_printf(b, "<p>You have <strong>%d action point%s</strong> each turn.</p>\n", ro->budget,
              ro->budget == 1 ? "" : "s");
    action_list(b, sc, r);
    sb_puts(b, "</section>\n");
}

static void team_pages(strbuf *b, const def_scenario *sc)
{
    section(b, "teams", "4. Team pages (one a team, to hand out)", 0);
    sb_puts(b, "<p class=\"note\">Each of the following pages is one team's: its brief, what "
               "only it knows and its standing actions. Print them and give each team its own "
               "page (or write them alone with <code>--team</code>); the pages hold no inject "
               "and no schedule.</p>\n</section>\n");
    for (int r = 0; r < sc->nroles; r++) team_page(b, sc, r);
}

static void inject_block(strbuf *b, const def_scenario *sc, int ev)
{
    const def_event *e = &sc->events[ev];
    strbuf t = {0};
    sb_puts(b, "<div class=\"inject\"><strong>");
    html_text(b, e->title);
    sb_puts(b, "</strong><div class=\"meta\">");
    trigger_words(sc, e, &t);
    sb_printf(&t, " · %s · to ", def_channel_names[e->channel]);
    audience(sc, e->to, &t);
    html_text(b, t.s);
    sb_puts(b, "</div>\n");
    html_el(b, "p", "pre small", e->text);
    if (e->note)
        sb_puts(b, "<p class=\"note\"><em>Note:</em> "), html_text(b, e->note), sb_puts(b, "</p>");
    sb_puts(b, "</div>\n");
    sb_free(&t);
}

static void questions(strbuf *b, const def_scenario *sc, const hb_module *m)
{
    sb_puts(b, "<h3>Discussion questions</h3>\n<ol>\n");
    for (int i = 0; i < sc->nevents; i++) {
        const def_event *e = &sc->events[i];
        int t = due_turn(sc, i, 0);
        if (t < m->from || t > m->to || !e->noptions) continue;
        sb_puts(b, "<li><em>");
        html_text(b, e->title);
        sb_printf(b, "</em> (%s): which of its %d options, on what evidence?</li>\n",
                  logtext_role(sc, e->decider), e->noptions);
    }
    sb_puts(b, "<li>Who else had to hear of each decision before it was taken, and did "
               "they?</li>\n<li>What has changed since the last module, and what does each "
               "team expect next?</li>\n</ol>\n");
}

static void timing(strbuf *b, const hb_module *m, int n)
{
    int s90[HB_MAX_MODULES], sfull[HB_MAX_MODULES];
    share(m, n, HB_SHORT_MINUTES - 25, s90);  /* 10 min briefing, 15 min hotwash */
    share(m, n, HB_FULL_MINUTES - 65, sfull); /* 20 briefing, 15 break, 30 hotwash */
    sb_puts(
        b,
        "<table class=\"timing\">\n<thead><tr><th>Part</th><th>Turns</th><th>90-minute session</th>"
        "<th>Half-day session (4 hours)</th></tr></thead>\n<tbody>\n"
        "<tr><td>Briefing and ground rules</td><td></td><td>0:00 (10 min)</td>"
        "<td>0:00 (20 min)</td></tr>\n");
    int a = 10, c = 20;
    for (int i = 0; i < n; i++) {
        sb_printf(b, "<tr><td>Module %d: ", i + 1);
        html_text(b, m[i].title);
        sb_printf(b, "</td><td>%d–%d</td><td>%d:%02d (%d min)</td><td>%d:%02d (%d min)</td></tr>\n",
                  m[i].from, m[i].to, a / 60, a % 60, s90[i], c / 60, c % 60, sfull[i]);
        a += s90[i], c += sfull[i];
        if (i == (n - 1) / 2) {
            sb_printf(b,
                      "<tr><td class=\"muted\">Break</td><td></td><td class=\"muted\">–</td>"
                      "<td>%d:%02d (15 min)</td></tr>\n",
                      c / 60, c % 60);
            c += 15;
        }
    }
    sb_printf(b,
              "<tr><td>Hotwash: ratings, observations, questions</td><td></td>"
              "<td>%d:%02d (15 min)</td><td>%d:%02d (30 min)</td></tr>\n</tbody>\n</table>\n",
              a / 60, a % 60, c / 60, c % 60);
}

/* The module's heading, its line and its first inject stay on one page. */
static void module_body(strbuf *b, const def_scenario *sc, const hb_module *m, int i)
{
    int first = 1;
    sb_printf(b, "<div class=\"keep\">\n<h3>Module %d: ", i + 1);
    html_text(b, m->title);
    sb_puts(b, "</h3>\n<p class=\"note\">");
    sb_printf(b, "Turns %d to %d: ", m->from, m->to);
    html_text(b, sc->turn_labels[m->from - 1]);
    sb_puts(b, " to ");
    html_text(b, sc->turn_labels[m->to - 1]);
    sb_printf(b, " · %d inject%s, %d decision%s.</p>\n", m->injects, m->injects == 1 ? "" : "s",
              m->decisions, m->decisions == 1 ? "" : "s");
    for (int ev = 0; ev < sc->nevents; ev++) {
        int t = due_turn(sc, ev, 0);
        if (t < m->from || t > m->to) continue;
        inject_block(b, sc, ev);
        if (first) sb_puts(b, "</div>\n"), first = 0;
    }
    if (first) sb_puts(b, "</div>\n");
    questions(b, sc, m);
}

static void module_section(strbuf *b, const def_scenario *sc, const hb_module *m, int n)
{
    section(b, "modules", "5. Modules and timing", 1);
    sb_puts(b, "<p class=\"note\">Modules are the scenario's phases (read off its clock). The "
               "times give each module a share by its turns and, twice over, its decisions; "
               "the 90-minute session plays fewer turns in full, so skim the quieter ones.</p>\n");
    timing(b, m, n);
    for (int i = 0; i < n; i++) module_body(b, sc, &m[i], i);
    int untimed = 0;
    for (int ev = 0; ev < sc->nevents; ev++) untimed += due_turn(sc, ev, 0) == 0;
    if (untimed) {
        sb_printf(b,
                  "<h3>On a trigger (%d)</h3>\n<p class=\"note\">These come when a condition "
                  "holds, or when an effect or the facilitator sends them.</p>\n",
                  untimed);
        for (int ev = 0; ev < sc->nevents; ev++)
            if (due_turn(sc, ev, 0) == 0) inject_block(b, sc, ev);
    }
    sb_puts(b, "<h3>Hotwash</h3>\n<ol>\n");
    for (int i = 0; i < sc->nquestions; i++) html_el(b, "li", NULL, sc->questions[i]);
    if (!sc->nquestions) html_el(b, "li", NULL, "What went well, and what would you change?");
    sb_puts(b, "</ol>\n</section>\n");
}

/* The MSEL ---------------------------------------------------------------------------- */

/* Events in the order they come: by the turn they are due (stable), those
   only a trigger brings last. */
static int *msel_order(const def_scenario *sc)
{
    int *order = xmalloc(sizeof *order * ((size_t)sc->nevents + 1));
    int *key = xmalloc(sizeof *key * ((size_t)sc->nevents + 1));
    for (int ev = 0; ev < sc->nevents; ev++) {
        int t = due_turn(sc, ev, 0);
        key[ev] = t ? t : CR_MAX_TURNS * (HB_DEPTH + 1);
        int k = ev;
        while (k > 0 && key[order[k - 1]] > key[ev]) order[k] = order[k - 1], k--;
        order[k] = ev;
    }
    free(key);
    return order;
}

static void msel_row(strbuf *b, const def_scenario *sc, int ev, int n)
{
    const def_event *e = &sc->events[ev];
    strbuf v = {0};
    sb_printf(b, "<tr><td>%d</td><td>", n);
    trigger_words(sc, e, &v);
    html_text(b, v.s);
    int t = due_turn(sc, ev, 0);
    if (t >= 1 && t <= sc->nturns)
        sb_puts(b, "<br/><span class=\"muted\">"), html_text(b, sc->turn_labels[t - 1]),
            sb_puts(b, "</span>");
    sb_puts(b, "</td><td>");
    v.len = 0;
    audience(sc, e->to, &v);
    html_text(b, v.s);
    sb_printf(b, "<br/><span class=\"muted\">%s</span></td><td><strong>",
              def_channel_names[e->channel]);
    html_text(b, e->title);
    sb_puts(b, "</strong><br/>");
    v.len = 0;
    summary(e->text, &v);
    html_text(b, v.s);
    sb_puts(b, "</td>");
    v.len = 0;
    expected(sc, e, &v);
    html_el(b, "td", NULL, v.s);
    v.len = 0;
    sources_of(sc, e, &v);
    html_el(b, "td", NULL, v.s);
    sb_puts(b, "</tr>\n");
    sb_free(&v);
}

static void msel(strbuf *b, const def_scenario *sc)
{
    section(b, "msel", "6. Master scenario events list (MSEL)", 1);
    sb_puts(b, "<p class=\"note\">Every inject, in the order it comes (those on a trigger "
               "last). <code>crisisroom handbook --msel FILE.csv</code> writes the same list for "
               "a spreadsheet.</p>\n<table class=\"msel flow\">\n<colgroup><col class=\"c-n\"/>"
               "<col class=\"c-when\"/><col class=\"c-to\"/><col class=\"c-inj\"/>"
               "<col class=\"c-exp\"/><col class=\"c-src\"/></colgroup>\n<thead><tr><th>#</th>"
               "<th>Turn or trigger</th><th>To, channel</th><th>Inject</th><th>Expected "
               "player actions</th><th>Source</th></tr></thead>\n<tbody>\n");
    int *order = msel_order(sc);
    for (int i = 0; i < sc->nevents; i++) msel_row(b, sc, order[i], i + 1);
    free(order);
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void truth(strbuf *b, const def_scenario *sc)
{
    section(b, "truth", "7. The hidden truth and the endings", 1);
    for (int i = 0; i < sc->nvariants; i++) {
        sb_puts(b, "<div class=\"truth\"><strong>");
        html_text(b, sc->variants[i].title);
        sb_printf(b, "</strong> <span class=\"muted\">(%s, weight %g)</span>", sc->variants[i].id,
                  sc->variants[i].weight);
        html_el(b, "p", "pre", sc->variants[i].truth);
        sb_puts(b, "</div>\n");
    }
    if (!sc->nvariants) html_el(b, "p", "muted", "The scenario has one truth (no variants).");
    sb_puts(b, "<h3>Endings</h3>\n<ul>\n");
    for (int i = 0; i < sc->nendings; i++) {
        sb_puts(b, "<li><strong>");
        html_text(b, sc->endings[i].title);
        sb_puts(b, "</strong>: ");
        html_text(b, sc->endings[i].text);
        sb_puts(b, "</li>\n");
    }
    sb_puts(b, "</ul>\n</section>\n");
}

static void sources(strbuf *b, const def_scenario *sc)
{
    section(b, "sources", "8. Sources", 0);
    sb_puts(b, "<ol class=\"small\">\n");
    for (int i = 0; i < sc->nsources; i++) {
        const def_source *s = &sc->sources[i];
        sb_puts(b, "<li><strong>");
        html_text(b, s->title ? s->title : s->id);
        sb_puts(b, "</strong>");
        if (s->publisher) sb_puts(b, ". "), html_text(b, s->publisher);
        if (s->date) sb_puts(b, ", "), html_text(b, s->date);
        if (s->url) sb_puts(b, ". "), html_text(b, s->url);
        sb_puts(b, "</li>\n");
    }
    if (!sc->nsources) html_el(b, "li", "muted", "The scenario cites none.");
    sb_puts(b, "</ol>\n</section>\n");
}

void report_handbook_html(const def_scenario *sc, strbuf *out)
{
    hb_module m[HB_MAX_MODULES];
    int n = modules(sc, m);
    head(out, sc, "Facilitator handbook");
    cover(out, sc);
    scope(out, sc, m, n);
    objectives(out, sc);
    roles(out, sc);
    team_pages(out, sc);
    module_section(out, sc, m, n);
    msel(out, sc);
    truth(out, sc);
    sources(out, sc);
    sb_puts(out, "<footer>Generated by crisisroom " CR_ENGINE_VERSION
                 " from the scenario's files. For the facilitator and evaluators only."
                 "</footer>\n</main>\n</body>\n</html>\n");
}

/* The players' edition: the team pages alone, with nothing of the
   facilitator's (no inject, schedule, note, rating or truth), so that what
   is handed out cannot hold more than a team may read. */
void report_handouts_html(const def_scenario *sc, int role, strbuf *out)
{
    head(out, sc, role >= 0 ? sc->roles[role].name : "Team pages");
    for (int r = 0; r < sc->nroles; r++)
        if (role < 0 || r == role) team_page(out, sc, r);
    sb_puts(out, "<footer>Generated by crisisroom " CR_ENGINE_VERSION
                 " from the scenario's files. Each page is for its team only.</footer>\n"
                 "</main>\n</body>\n</html>\n");
}

/* The MSEL as CSV --------------------------------------------------------------------- */

static const char *const msel_head[] = {"#",
                                        "Event id",
                                        "Turn",
                                        "When (in the world)",
                                        "Trigger",
                                        "Channel",
                                        "To",
                                        "Decided by",
                                        "Inject",
                                        "Summary",
                                        "Expected player actions",
                                        "Source",
                                        "Facilitator note"};

static void msel_csv_row(strbuf *b, const def_scenario *sc, int ev, int n)
{
    const def_event *e = &sc->events[ev];
    int t = due_turn(sc, ev, 0);
    strbuf v = {0};
    csv_int(b, n, 0);
    csv_cell(b, e->id, 0);
    if (t >= 1 && t <= sc->nturns)
        csv_int(b, t, 0), csv_cell(b, sc->turn_labels[t - 1], 0);
    else
        csv_cell(b, "", 0), csv_cell(b, "", 0);
    trigger_words(sc, e, &v), csv_cell(b, v.s, 0), v.len = 0;
    csv_cell(b, def_channel_names[e->channel], 0);
    audience(sc, e->to, &v), csv_cell(b, v.s, 0), v.len = 0;
    csv_cell(b, e->noptions ? logtext_role(sc, e->decider) : "", 0);
    csv_cell(b, e->title, 0);
    summary(e->text, &v), csv_cell(b, v.s, 0), v.len = 0;
    expected(sc, e, &v), csv_cell(b, v.s, 0), v.len = 0;
    sources_of(sc, e, &v), csv_cell(b, v.s, 0);
    csv_cell(b, e->note, 1);
    sb_free(&v);
}

void report_msel_csv(const def_scenario *sc, strbuf *out)
{
    int nh = (int)(sizeof msel_head / sizeof *msel_head);
    for (int i = 0; i < nh; i++) csv_cell(out, msel_head[i], i == nh - 1);
    int *order = msel_order(sc);
    for (int i = 0; i < sc->nevents; i++) msel_csv_row(out, sc, order[i], i + 1);
    free(order);
}
