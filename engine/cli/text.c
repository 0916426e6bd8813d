/*
 * text.c -- the game in a terminal: every role in turn (hot-seat), with the
 * clock, the meters, the inbox, the options and the actions shown plainly.
 * Works with screen readers and over SSH; no colours, no cursor tricks.
 */
#include <ctype.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "autoplay.h"
#include "cli.h"
#include "cmdfile.h"
#include "i18n.h"
#include "logtext.h"
#include "record.h"
#include "reload.h"
#include "text.h"
#include "trend.h"
#include "util.h"
#include "view.h"

typedef struct tstate {
    session *s;
    script *sc;
    int shown_log; /* log entries already printed */
    int last_turn, last_role;
    int tty;
    int width;                    /* columns to wrap text at */
    int seen[CR_MAX_ROLES];       /* inbox items already shown in full to each role */
    int viewer;                   /* the role at the keyboard */
    int warned_turn, warned_role; /* the move whose `end` was warned about */
    int debriefed;                /* the debrief was shown: the prompt is the debrief's */
} tstate;

void text_wrap(int width, int indent, const char *text)
{
    int col = indent;
    printf("%*s", indent, "");
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            printf("\n%*s", indent, "");
            col = indent;
            p++;
            continue;
        }
        size_t n = strcspn(p, " \n");
        int len = 0; /* columns, counting UTF-8 sequences once */
        for (size_t i = 0; i < n; i++) len += ((unsigned char)p[i] & 0xC0) != 0x80;
        if (col > indent && col + 1 + len > width) {
            printf("\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            putchar(' ');
            col++;
        }
        fwrite(p, 1, n, stdout);
        col += len;
        p += n;
        while (*p == ' ') p++;
    }
    putchar('\n');
}

static void wrap(const tstate *t, int indent, const char *text)
{
    text_wrap(t->width, indent, text);
}

static int term_width(void)
{
    struct winsize ws;
    int w = ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
    return w < 40 ? 40 : w > 100 ? 100 : w;
}

static const def_role *cur_role(const tstate *t)
{
    return &t->s->sc->roles[t->s->g->role];
}

/* Who the terminal shows the game to (view.h): the role at the keyboard,
   the debrief once the game has ended. */
static viewer seen_by(const tstate *t, int role)
{
    return t->s->g->ended ? view_debrief() : view_team(role);
}

static void print_meters(const tstate *t)
{
    const game *g = t->s->g;
    const def_scenario *sc = g->sc;
    viewer v = seen_by(t, g->role);
    printf(_("Meters:\n"));
    for (int i = view_next_meter(&v, g, -1); i >= 0; i = view_next_meter(&v, g, i)) {
        const def_meter *m = &sc->meters[i];
        /* One function decides the trend for every front end (trend.h). */
        trend tr = trend_of(g, i);
        double now = g->meter[i];
        char words[80];
        trend_words(&tr, words, sizeof words);
        const char *good = m->good == GOOD_NONE   ? ""
                           : m->good == GOOD_HIGH ? _(" (higher is better)")
                                                  : _(" (lower is better)");
        char value[64];
        str_fmt(value, sizeof value, "%g%s%s", now, m->unit ? " " : "", m->unit ? m->unit : "");
        char from[48] = "";
        if (g->ended) str_fmt(from, sizeof from, _(", from %g"), tr.before);
        printf("  %-32s %8s  [%s%s]%s\n", m->name, value, words, from,
               m->hidden ? _(" (hidden)") : good);
    }
}

/* The move timer: the window counts it down; here, what the move has used. */
static void print_timer(const tstate *t)
{
    record_times r;
    record_times_of(t->s, &r);
    long long left = t->s->g->timer_ms - r.current_ms;
    printf(_("Move timer: %g minutes a move; %lld:%02lld left of this one at the last command.\n"),
           t->s->g->timer_ms / 60000.0, left > 0 ? left / 60000 : 0,
           left > 0 ? left / 1000 % 60 : 0);
    record_times_free(&r);
}

static void print_status(const tstate *t)
{
    const game *g = t->s->g;
    const def_scenario *sc = g->sc;
    printf(_("\n=== Turn %d of %d: %s ===\n"), g->turn, sc->nturns, game_turn_label(g, g->turn));
    print_meters(t);
    printf(_("Action points left:"));
    for (int i = 0; i < sc->nroles; i++)
        printf(" %s %d%s", sc->roles[i].id, g->budget[i], i == g->role ? _(" (to move)") : "");
    printf("\n");
    if (g->paused) printf(_("The game is PAUSED: '%s' to go on.\n"), cmd_names[CMD_RESUME]);
    if (g->timer_ms) print_timer(t);
    if (session_not_saving(t->s))
        printf(_("WARNING: this game is NOT being saved%s%s\n"), t->s->j ? ": " : "",
               t->s->j ? t->s->j->err : "");
}

/* An item's channel as the inbox shows it: an ad-hoc inject's, if given. */
static const char *item_channel(const game *g, int item)
{
    const game_item *it = &g->items[item];
    if (it->event >= 0) return _(def_channel_names[g->sc->events[it->event].channel]);
    return it->channel >= 0 ? _(def_channel_names[it->channel]) : _("inject");
}

static void print_inbox(const tstate *t)
{
    const game *g = t->s->g;
    int role = g->role, any = 0;
    viewer v = seen_by(t, role);
    printf(_("Inbox of %s:\n"), cur_role(t)->name);
    for (int i = view_prev_item(&v, g, g->nitems); i >= 0; i = view_prev_item(&v, g, i)) {
        const game_item *it = &g->items[i];
        const def_event *e = it->event >= 0 ? &g->sc->events[it->event] : NULL;
        const char *state = "";
        int decider = e && e->noptions ? e->decider : !e && it->nopts ? it->decider : -1;
        if (decider >= 0 && it->option < 0)
            state = decider == role ? _("  << decide") : _("  (another role decides)");
        const char *id = e ? e->id : it->id;
        printf(_("  [%s] turn %d: %s%s%s%s\n"), item_channel(g, i), it->turn,
               logtext_item_title(g, i), id ? "  (" : "", id ? id : "", id ? ")" : "");
        if (*state) printf("      %s\n", state + 2);
        any = 1;
    }
    if (!any) printf(_("  (empty)\n"));
}

static void print_move(tstate *t, int mv, int n)
{
    game *g = t->s->g;
    const def_move *m = &g->sc->moves[mv];
    char why[256];
    int ok = game_move_available(g, mv, g->role, why, sizeof why);
    printf("  %d. %-22s %s%s", n, m->id, m->label, m->historical ? "" : "");
    if (m->cost) printf(_("  [cost %d]"), m->cost);
    printf("\n");
    char line[4200];
    if (m->text) wrap(t, 7, m->text);
    if (m->risk) str_fmt(line, sizeof line, _("Risk: %s"), m->risk), wrap(t, 7, line);
    if (m->ntargets) {
        strbuf b = {0};
        sb_puts(&b, _("Targets:"));
        for (int i = 0; i < m->ntargets; i++)
            sb_printf(&b, " %s (%s)%s", m->targets[i].key, m->targets[i].val,
                      i + 1 < m->ntargets ? "," : "");
        wrap(t, 7, b.s);
        sb_free(&b);
    }
    if (ok <= 0)
        str_fmt(line, sizeof line, _("Not available: %s"), ok < 0 ? g->err : why), wrap(t, 7, line);
}

/* The event's sources, wherever its text is shown in full. */
static void print_sources(const def_scenario *sc, const def_event *e)
{
    if (!e->nsources) return;
    strbuf b = {0};
    for (int i = 0; i < e->nsources; i++) {
        if (b.len) sb_puts(&b, "; ");
        logtext_source(sc, e->sources[i], &b); /* "CISA, 21 Sep 2022", not its id */
    }
    printf(_("Source: %s\n"), b.s);
    sb_free(&b);
}

/* An ad-hoc inject in full, with its options when it carries a decision. */
static void show_adhoc(tstate *t, int item)
{
    const game *g = t->s->g;
    const game_item *it = &g->items[item];
    printf("\n[%s] %s\n", item_channel(g, item), it->title);
    wrap(t, 0, it->text);
    printf(_("From the facilitator.\n"));
    if (!it->nopts) return;
    const char *by = g->sc->roles[it->decider].id;
    if (it->option >= 0) {
        printf(_("Decided: %s by %s\n"), it->opts[it->option], g->sc->roles[it->by].id);
        return;
    }
    printf(_("Options (%s %s NUMBER -- why), decided by %s:\n"), cmd_names[CMD_CHOOSE], it->id, by);
    for (int k = 0; k < it->nopts; k++) printf("  %d. %s\n", k + 1, it->opts[k]);
}

static void show_event(tstate *t, const char *id)
{
    game *g = t->s->g;
    int ev = def_event_find(g->sc, id);
    viewer v = seen_by(t, g->role);
    int adhoc = ev < 0 ? game_adhoc_find(g, id) : -1;
    if (adhoc >= 0 && view_sees_item(&v, g, adhoc)) return show_adhoc(t, adhoc);
    if (!view_sees_event(&v, g, ev)) {
        printf(_("No inject '%s' in %s's inbox (see '%s').\n"), id, cur_role(t)->id,
               cmd_look_specs[CMD_LOOK_INBOX].name);
        return;
    }
    const def_event *e = &g->sc->events[ev];
    const game_item *it = &g->items[g->ev_item[ev]];
    printf("\n[%s] %s\n", _(def_channel_names[e->channel]), e->title);
    wrap(t, 0, e->text);
    print_sources(g->sc, e);
    if (!e->noptions) return;
    if (it->option >= 0) {
        printf(_("Decided: %s%s%s\n"), g->sc->moves[it->option].label,
               it->by >= 0 ? _(" by ") : _(" (by default)"),
               it->by >= 0 ? g->sc->roles[it->by].id : "");
        return;
    }
    printf(_("Options (%s %s OPTION -- why), decided by %s:\n"), cmd_names[CMD_CHOOSE], e->id,
           g->sc->roles[e->decider].id);
    for (int i = 0; i < e->noptions; i++) print_move(t, e->options[i], i + 1);
    if (e->expires)
        printf(_("Open until the end of turn %d; then '%s' applies.\n"),
               game_item_deadline(g, g->ev_item[ev]), g->sc->moves[e->default_option].id);
}

static void print_actions(tstate *t)
{
    game *g = t->s->g;
    int n = 0;
    printf(_("Standing actions of %s (%s %s ACTION [TARGET] -- why):\n"), cur_role(t)->name,
           cmd_names[CMD_ACT], cur_role(t)->id);
    for (int i = 0; i < g->sc->nactions; i++) {
        int mv = g->sc->actions[i];
        if (g->sc->moves[mv].role == g->role) print_move(t, mv, ++n);
    }
    if (!n) printf(_("  (none)\n"));
}

static void print_board(const tstate *t)
{
    viewer v = seen_by(t, t->s->g->role);
    text_board(t->s->g, &v, t->width);
}

/* Log entry i as a line for viewer v; 0 for entries with nothing to say. */
static int log_line(const game *g, const viewer *v, int i, char *buf, size_t size)
{
    logtext t = {0};
    int shown = logtext_of(g, &g->log[i], &t);
    if (shown) {
        const char *by = t.facilitator ? _("Facilitator") : t.who.s;
        if (t.kind == LT_INJECT || t.kind == LT_ADHOC)
            str_fmt(buf, size, _("%s (to %s)"), t.what.s, t.who.s);
        else if (t.kind == LT_OUTCOME)
            str_fmt(buf, size, "-> %s", t.what.s);
        else
            str_fmt(buf, size, "%s%s%s", by, *by ? _(": ") : "", t.what.s);
        if (t.why && t.kind != LT_ADHOC && view_sees_why(v, g, i))
            str_cat(buf, size, " -- %s", t.why);
    }
    logtext_free(&t);
    return shown;
}

/* What happened since the last prompt, as the role that just moved may see
   it (each role sees its own injects in full when its move starts).
   Returns the entries there were and *shown those printed. */
static int print_new_log(tstate *t, int *shown)
{
    const game *g = t->s->g;
    viewer v = seen_by(t, t->viewer);
    char buf[4096];
    int n = g->nlog - t->shown_log;
    *shown = 0;
    for (; t->shown_log < g->nlog; t->shown_log++)
        if (view_sees_log(&v, g, t->shown_log) && log_line(g, &v, t->shown_log, buf, sizeof buf))
            wrap(t, 2, buf), (*shown)++;
    return n;
}

static void print_timeline(const tstate *t)
{
    const game *g = t->s->g;
    char buf[4096];
    int turn = 0;
    viewer v = seen_by(t, g->role);
    for (int i = view_next_log(&v, g, -1); i >= 0; i = view_next_log(&v, g, i)) {
        if (g->log[i].turn != turn) {
            turn = g->log[i].turn;
            printf(_("Turn %d (%s)\n"), turn, game_turn_label(g, turn));
        }
        if (log_line(g, &v, i, buf, sizeof buf)) printf("  %s\n", buf);
    }
}

/* The facilitator's ad-hoc decision in the debrief: who answered, how. */
static void print_debrief(tstate *t)
{
    const game *g = t->s->g;
    const def_scenario *sc = g->sc;
    const def_ending *e = &sc->endings[g->ending];
    viewer v = view_debrief();
    printf(_("\n=== Debrief: %s ===\n"), e->title);
    wrap(t, 0, game_ending_text(g)); /* computed at the end, maybe */
    text_debrief_truth(g, &v, t->width);
    printf(_("\nObjectives (HSEEP: P without challenges, S some, M major, U unable):\n"));
    for (int i = 0; i < sc->nobjectives && view_sees_ratings(&v, g); i++) {
        char line[4200];
        const char *how = game_objective_text(g, i); /* computed at the end, maybe */
        str_fmt(line, sizeof line, "%c  %s%s%s", g->ratings[i], sc->objectives[i].title,
                *how ? _(": ") : "", how);
        wrap(t, 2, line);
    }
    print_meters(t);
    text_debrief_analysis(g, &v, t->width);
    text_debrief_history(t->s, &v, t->width);
    text_debrief_questions(g, t->width);
}

/* Injects that reached this role since it last looked, in full (the ones
   it must decide are shown with their options after). */
static void show_new_items(tstate *t)
{
    game *g = t->s->g;
    int role = g->role;
    viewer v = seen_by(t, role);
    for (int i = view_next_item(&v, g, t->seen[role] - 1); i >= 0; i = view_next_item(&v, g, i)) {
        const game_item *it = &g->items[i];
        if (it->event >= 0 && game_open_item(g, it->event) >= 0 &&
            g->sc->events[it->event].decider == role)
            continue;
        if (it->event < 0 && it->nopts) { /* an ad-hoc inject, with its options */
            show_adhoc(t, i);
            continue;
        }
        printf("\n[%s] %s\n", item_channel(g, i), logtext_item_title(g, i));
        wrap(t, 0, it->event >= 0 ? g->sc->events[it->event].text : it->text);
        if (it->event >= 0) print_sources(g->sc, &g->sc->events[it->event]);
    }
    t->seen[role] = g->nitems;
}

/* 1 when a line already waits on the terminal (typed before it was asked). */
static int typed_ahead(void)
{
    struct pollfd p = {0, POLLIN, 0};
    return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/* The hand-over prompt, on a terminal. Nothing typed here is run: the
   prompt is there so that the next team does not see the last one's
   screen, and a command typed ahead (by either team) would be played
   before the next team had seen its own. So every line is read whole and
   dropped, those typed before the prompt too, and after the screen is
   cleared the next team is told how many (not what: that may be the last
   team's). Returns the lines dropped, or -1 at the end of the input. */
static int handover_wait(const tstate *t)
{
    static char line[CMDFILE_MAX_LINE + 2];
    int dropped = 0;
    while (typed_ahead()) {
        int got = cmdfile_read_line(stdin, line);
        if (got == 0) return -1;
        dropped += got < 0 || !cmd_is_blank(line);
    }
    printf(_("\n--- Pass the keyboard to %s, then press Enter ---"), cur_role(t)->name);
    fflush(stdout);
    int got = cmdfile_read_line(stdin, line);
    if (got == 0) return -1;
    return dropped + (got < 0 || !cmd_is_blank(line));
}

static void handover(tstate *t)
{
    const game *g = t->s->g;
    if (g->ended) return;
    if (g->turn == t->last_turn && g->role == t->last_role) return;
    int dropped = 0;
    if (t->last_role >= 0 && t->tty) {
        if ((dropped = handover_wait(t)) < 0) return;
        cli_raw_out("\033[2J\033[H"); /* clear: the last role's private view goes */
    }
    int new_turn = g->turn != t->last_turn;
    t->last_turn = g->turn;
    t->last_role = g->role;
    t->viewer = g->role;
    print_status(t);
    if (new_turn) text_pause_points(g, t->width);
    int shown;
    print_new_log(t, &shown);
    const def_role *r = cur_role(t);
    printf(_("\n--- %s to move (%d action point%s) ---\n"), game_role_name(g, g->role),
           g->budget[g->role], g->budget[g->role] == 1 ? "" : "s");
    if (t->seen[g->role] == 0) {                 /* the brief once, at the role's first move */
        wrap(t, 0, game_role_brief(g, g->role)); /* as it is now */
        viewer v = seen_by(t, g->role);
        if (r->secret && view_sees_private(&v, t->s->g, g->role)) {
            printf(_("Only you know:\n"));
            wrap(t, 2, r->secret);
        }
    }
    int seen_before = t->seen[g->role];
    show_new_items(t);
    int items[64], n = game_open_decisions(g, g->role, items, 64);
    for (int i = 0; i < n; i++) show_event(t, g->sc->events[g->items[items[i]].event].id);
    n = game_open_adhoc(g, g->role, items, 64);
    for (int i = 0; i < n; i++)
        if (items[i] < seen_before) show_adhoc(t, items[i]); /* shown before: again */
    printf(_("\nType '%s' for the commands, '%s' for your standing actions.\n"),
           cmd_look_specs[CMD_LOOK_HELP].name, cmd_look_specs[CMD_LOOK_ACTIONS].name);
    if (dropped)
        printf(_("(Not run: %d line%s typed at the hand-over. It waits for Enter only, so that "
                 "nothing is played before %s has seen this screen; type your command again.)\n"),
               dropped, dropped == 1 ? "" : "s", r->name);
}

/* Hot reload (reload.h): the scenario from disk again, this game replayed
   on it. The old game stays when the new scenario does not load or cannot
   start. */
static void reload(tstate *t)
{
    static char err[65536];
    char path[RELOAD_PATH_MAX] = "";
    reload_info in;
    if (t->s->j) str_fmt(path, sizeof path, "%s", t->s->j->path);
    if (reload_game(&t->s, &t->sc, path, &in, err, sizeof err)) {
        printf(_("Reload failed; the game goes on unchanged:\n%s\n"), err);
        return;
    }
    strbuf b = {0};
    reload_describe(&in, &cli_reload_words, &b);
    printf("%s\n", b.s);
    sb_free(&b);
    session *s = t->s;
    t->shown_log = s->g->nlog;
    for (int r = 0; r < CR_MAX_ROLES; r++)
        if (t->seen[r] > s->g->nitems) t->seen[r] = s->g->nitems;
    t->last_turn = t->last_role = -1; /* show where we are again */
}

static void save_copy(tstate *t, const char *arg)
{
    char use[64];
    cmd_usage(&cmd_look_specs[CMD_LOOK_SAVE], use, sizeof use);
    if (!*arg)
        printf(_("usage: %s\n"), use);
    else if (session_export(t->s, arg))
        printf(_("Error: %s\n"), t->s->err);
    else
        printf(_("Saved to %s\n"), arg);
}

/* `jump TURN [POLICY]`: the facilitator fast-forwards; a policy
   (historical unless named) plays every move until TURN begins, each one
   journaled as the policy's. The teams read what happened on the way in
   their `timeline`: the terminal prints none of it (every team's). */
static void jump(tstate *t, const char *arg)
{
    char use[64], name[32] = "historical", err[4096];
    int turn = 0, n = sscanf(arg, "%d %31s", &turn, name);
    policy_kind k;
    cmd_usage(&cmd_look_specs[CMD_LOOK_JUMP], use, sizeof use);
    if (n < 1 || policy_parse(name, &k)) {
        printf(_("usage: %s (POLICY: random, first or historical; historical by default)\n"), use);
        return;
    }
    int from = t->s->g->turn, nlog = t->s->nlog;
    if (autoplay_session_to(t->s, k, turn, err, sizeof err)) {
        printf(_("Error: %s\n"), err);
        return;
    }
    printf(_("The policy '%s' played %d command%s: turn %d to turn %d.\n"), policy_name(k),
           t->s->nlog - nlog, t->s->nlog - nlog == 1 ? "" : "s", from, t->s->g->turn);
    t->shown_log = t->s->g->nlog;
}

/* The command table's help, then whether this game is saved (what `quit`
   leaves behind). */
static void print_help(const tstate *t)
{
    strbuf b = {0};
    cmd_help(&b);
    fputs(b.s, stdout);
    sb_free(&b);
    const journal *j = t->s->j;
    if (j && !j->failed)
        printf(_("This game is saved to %s as you play; after 'quit', 'crisisroom resume %s' goes "
                 "on.\n"),
               j->path, j->path);
    else
        printf(_("This game is NOT being saved%s: 'quit' ends it ('save FILE' keeps a copy).\n"),
               j ? _(" (the save failed)") : "");
}

/* Commands only the text mode knows (cmd.h's CMD_LOOK_LIST), and the error
   for a word that is no command at all. Returns 1 when handled, 2 to quit. */
static int local_command(tstate *t, char *line)
{
    char *word = line + strspn(line, " \t");
    size_t n = strcspn(word, " \t");
    char *arg = word + n + strspn(word + n, " \t");
    switch (cmd_look_find(word, n)) {
    case CMD_LOOK_HELP:
        print_help(t);
        break;
    case CMD_LOOK_STATUS:
        print_status(t);
        break;
    case CMD_LOOK_INBOX:
        print_inbox(t);
        break;
    case CMD_LOOK_SHOW:
        show_event(t, arg);
        break;
    case CMD_LOOK_ACTIONS:
        print_actions(t);
        break;
    case CMD_LOOK_BOARD:
        print_board(t);
        break;
    case CMD_LOOK_TIMELINE:
        print_timeline(t);
        break;
    case CMD_LOOK_RELOAD:
        reload(t);
        break;
    case CMD_LOOK_SAVE:
        save_copy(t, arg);
        break;
    case CMD_LOOK_WHATIF:
        text_whatif(t->s, arg);
        break;
    case CMD_LOOK_JUMP:
        jump(t, arg);
        break;
    case CMD_LOOK_QUIT:
        return 2;
    default:
        /* Split as cmd_parse splits: a game command goes to the session. */
        n = 0;
        while (word[n] && !isspace((unsigned char)word[n])) n++;
        if (cmd_find(word, n) >= 0) return 0;
        char err[1024];
        cmd_unknown(word, n, 1, err, sizeof err);
        printf(_("Error: %s\n"), err);
    }
    return 1;
}

/* The first command after a reload that left commands pending: they are
   no longer offered to the next reload. */
static void set_aside(const session *s, int n)
{
    if (s->pending_file[0])
        printf(_("The %d command%s pending since the reload %s set aside; %s in %s.\n"), n,
               n == 1 ? "" : "s", n == 1 ? _("is") : _("are"),
               n == 1 ? _("it stays") : _("they stay"), s->pending_file);
    else
        printf(
            _("The %d command%s pending since the reload %s dropped (this game is not saved).\n"),
            n, n == 1 ? "" : "s", n == 1 ? _("is") : _("are"));
}

/* After an undo the game was rebuilt with a shorter log and inbox: what
   comes next is printed from there. The command taken back is named, its
   rationale left out (another viewer's, perhaps). */
static void undone(tstate *t, const char *line)
{
    const game *g = t->s->g;
    if (t->shown_log > g->nlog) t->shown_log = g->nlog;
    for (int r = 0; r < CR_MAX_ROLES; r++)
        if (t->seen[r] > g->nitems) t->seen[r] = g->nitems;
    const char *why = strstr(line, " -- ");
    printf(_("Undone: `%.*s`.\n"), why ? (int)(why - line) : (int)strlen(line), line);
}

/* `end` with an open decision or points to spend is warned about once per
   move: `end` again ends it. On a terminal only, as the hand-over prompt:
   lines piped in are a script's, which means what it sends. 1 when the
   line is held back. */
static int end_warned(tstate *t, const char *line)
{
    session *s = t->s;
    cmd c;
    char err[256];
    if (!t->tty || cmd_parse(line, &c, err, sizeof err) || c.kind != CMD_END) return 0;
    int role = c.a[0] ? def_role_find(s->sc, c.a) : s->g->role;
    if (role < 0 || s->g->paused || s->g->ended) return 0; /* the game says why not */
    if (t->warned_turn == s->g->turn && t->warned_role == role) return 0;
    strbuf b = {0};
    int warn = game_end_warning(s->g, role, &b);
    if (warn) {
        printf(_("Before the move ends: %s\n"), b.s);
        printf(_("Type '%s' again to end the move anyway.\n"), cmd_names[CMD_END]);
        t->warned_turn = s->g->turn, t->warned_role = role;
    }
    sb_free(&b);
    return warn;
}

/* A game command typed at the prompt, through the session. */
static void play_line(tstate *t, const char *line)
{
    session *s = t->s;
    if (end_warned(t, line)) return;
    int role = s->g->role, turn = s->g->turn, pending = session_pending(s), nlive = s->nlive;
    int held = s->g->nheld;
    const char *last = nlive ? s->log[s->live[nlive - 1]].cmd : NULL;
    t->viewer = role;
    int rc = session_apply(s, line);
    if (rc)
        printf(_("Error: %s\n"), s->err);
    else if (s->err[0])
        printf(_("WARNING: %s\n"), s->err);
    if (pending && !session_pending(s)) set_aside(s, pending);
    if (rc == 0 && s->nlive < nlive) return undone(t, last);
    const char *w = line + strspn(line, " \t");
    if (rc == 0 && hseep_is_command((cmd_kind)cmd_find(w, strcspn(w, " \t"))))
        printf("Recorded for the after-action report (the facilitator's, never the teams').\n");
    int shown, happened = print_new_log(t, &shown);
    if (rc == 0 && s->g->nheld > held)
        printf(_("Held: it reaches the inbox at the '%s'.\n"), cmd_names[CMD_RESUME]);
    if (rc == 0 && happened && !shown) printf(_("Done (the teams do not see it).\n"));
    /* Injects this move brought (a choice that triggers another). */
    if (rc == 0 && s->g->role == role && s->g->turn == turn && !s->g->ended) show_new_items(t);
}

int text_loop(session **sp, script **scp)
{
    session *s = *sp;
    tstate t = {s, *scp, 0, -1, -1, isatty(0), term_width(), {0}, 0, -1, -1, 0};
    char line[CMDFILE_MAX_LINE + 2];
    viewer first = view_team(s->g->role);
    if (s->j) printf(_("Saving to %s\n"), s->j->path);
    /* The variant is the hidden truth: the teams never read it here. */
    printf(_("%s (seed %llu%s%s%s%s)\n"), s->sc->title, (unsigned long long)s->h.seed,
           s->h.variant[0] ? _(", variant ") : "",
           !s->h.variant[0]                ? ""
           : view_sees_truth(&first, s->g) ? s->h.variant
                                           : _("hidden"),
           s->h.session[0] ? _(", session ") : "", s->h.session);
    for (;;) {
        /* At the end, the debrief; its prompt then takes what the hotwash
           needs: observations, the plan, what-ifs and a look around. */
        if (s->g->ended && !t.debriefed) {
            int shown;
            print_new_log(&t, &shown);
            print_debrief(&t);
            t.debriefed = 1;
        }
        handover(&t);
        printf("%s> ", s->g->ended ? "debrief" : cur_role(&t)->id);
        fflush(stdout);
        int got = cmdfile_read_line(stdin, line);
        if (got == 0) break;
        if (got < 0) {
            printf(_("Error: a line is at most %d bytes; nothing was done\n"), CMDFILE_MAX_LINE);
            continue;
        }
        if (!t.tty) printf("%s\n", line);
        if (cmd_is_blank(line)) continue;
        int local = local_command(&t, line);
        s = *sp = t.s; /* `reload` replaces them */
        *scp = t.sc;
        if (local == 2) break;
        if (local) continue;
        play_line(&t, line);
    }
    if (s->g->ended) return 0;
    printf(_("\nLeaving. %s\n"),
           s->j && !s->j->failed
               ? _("The game is saved; 'crisisroom resume SAVE' goes on from here.")
               : _("This game was not saved."));
    if (s->j && !s->j->failed) printf(_("Save: %s\n"), s->j->path);
    return 0;
}

enum { TEXT_SEED, TEXT_VARIANT, TEXT_SESSION, TEXT_SAVE, TEXT_NOSAVE, TEXT_LANG, TEXT_NOPTS };
static const opt_spec text_opts[TEXT_NOPTS] = {
    [TEXT_SEED] = OPTION_SEED("seed", "N", "the game's seed (default: from the clock)"),
    [TEXT_VARIANT] =
        OPTION_STRING("variant", "ID|random", "the hidden truth, or one drawn by the seed"),
    [TEXT_SESSION] =
        OPTION_STRING("session", "ID", "play one of the scenario's sessions (default: every turn)"),
    [TEXT_SAVE] = OPTION_FILE("save", "FILE", "journal the game to FILE"),
    [TEXT_NOSAVE] = OPTION_FLAG("no-save", "do not save the game"),
    [TEXT_LANG] = OPTION_LANG,
};
static const opt_cmd text_cmd = {
    "text",
    "SCENARIO",
    1,
    1,
    "Play in the terminal, every role in turn. The game is saved as it goes (by\n"
    "default under $XDG_DATA_HOME/crisisroom/saves); 'crisisroom resume SAVE' goes on.\n",
    text_opts,
    TEXT_NOPTS};

int cli_text(int argc, char **argv)
{
    opt_val v[TEXT_NOPTS];
    opt_args a;
    int status = cli_options(&text_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    cli_opts o = {.scenario = a.v[0],
                  .save = v[TEXT_SAVE].str,
                  .variant = v[TEXT_VARIANT].str,
                  .session = v[TEXT_SESSION].str,
                  .seed = v[TEXT_SEED].u,
                  .have_seed = v[TEXT_SEED].given,
                  .nosave = v[TEXT_NOSAVE].given};
    script *s = cli_load(o.scenario);
    if (!s) return 1;
    session *ss = cli_new_session(s, &o, 1);
    int rc = ss ? text_loop(&ss, &s) : 1;
    session_free(ss);
    script_free(s);
    return rc;
}
