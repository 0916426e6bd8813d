/*
 * net_owner.c -- the side of the server that runs on the session's own
 * thread (net_poll): it drains the queue civetweb's threads fill, decides
 * who may act as whom, applies commands through session_apply_as with
 * their provenance, runs the turn's timer, and publishes every viewer's
 * state once per change.
 */
#include <civetweb.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "net_int.h"
#include "outfile.h"
#include "record.h"
#include "view.h"

uint64_t net_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* The queue ------------------------------------------------------------------------ */

net_req *net_req_new(net_req_kind kind, int slot)
{
    net_req *r = xcalloc(1, sizeof *r);
    r->kind = kind;
    r->slot = slot;
    return r;
}

void net_req_free(net_req *r)
{
    if (!r) return;
    if (r->conn) net_conn_unref(r->conn);
    if (r->wait) net_waiter_unref(r->wait);
    cJSON_Delete(r->sent);
    cJSON_Delete(r->answers);
    free(r->line);
    free(r);
}

void net_wake(net *n)
{
    /* write() is async-signal-safe; a full pipe already holds a wake-up. */
    ssize_t rc = write(n->wake_fd[1], "w", 1);
    (void)rc;
}

void net_set_waker(net *n, void (*fn)(void *ud), void *ud)
{
    pthread_mutex_lock(&n->qlock);
    n->waker = fn;
    n->waker_ud = ud;
    pthread_mutex_unlock(&n->qlock);
}

int net_req_push(net *n, net_req *r)
{
    pthread_mutex_lock(&n->qlock);
    if (n->stopping) {
        pthread_mutex_unlock(&n->qlock);
        net_req_free(r);
        return -1;
    }
    if (n->qtail)
        n->qtail->next = r;
    else
        n->qhead = r;
    n->qtail = r;
    void (*fn)(void *) = n->waker;
    void *ud = n->waker_ud;
    pthread_mutex_unlock(&n->qlock);
    net_wake(n);
    if (fn) fn(ud);
    return 0;
}

net_waiter *net_waiter_new(void)
{
    net_waiter *w = xcalloc(1, sizeof *w);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->cv, NULL);
    atomic_init(&w->refs, 1);
    return w;
}

void net_waiter_unref(net_waiter *w)
{
    if (!w || atomic_fetch_sub(&w->refs, 1) != 1) return;
    net_msg_unref(w->answer);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->cv);
    free(w);
}

void net_waiter_answer(net_waiter *w, int status, net_msg *m)
{
    pthread_mutex_lock(&w->lock);
    if (!w->done) {
        w->done = 1;
        w->status = status;
        w->answer = net_msg_ref(m);
        pthread_cond_signal(&w->cv);
    }
    pthread_mutex_unlock(&w->lock);
}

void net_wait(net *n, int ms)
{
    struct pollfd p = {n->wake_fd[0], POLLIN, 0};
    pthread_mutex_lock(&n->qlock);
    int queued = n->qhead != NULL;
    pthread_mutex_unlock(&n->qlock);
    if (!queued) poll(&p, 1, ms);
}

static void drain_wakes(net *n)
{
    char buf[256];
    while (read(n->wake_fd[0], buf, sizeof buf) > 0) continue;
}

/* Answers ---------------------------------------------------------------------------- */

/* The answer to the request: to its WebSocket, or to the waiting HTTP
   handler with its status. */
static void answer(net_req *r, int status, cJSON *o)
{
    if ((r->kind == REQ_COMMAND || r->kind == REQ_SURVEY) && !r->sent)
        r->sent = cJSON_Duplicate(o, 1); /* for a resend */
    net_msg *m = net_msg_json(o);
    if (r->conn) net_conn_send(r->conn, m);
    if (r->wait) net_waiter_answer(r->wait, status, m);
    net_msg_unref(m);
}

static cJSON *result(const net_req *r, int ok)
{
    cJSON *o = net_obj("result");
    if (r->has_seq)
        cJSON_AddNumberToObject(o, "seq", (double)r->seq);
    else
        cJSON_AddNullToObject(o, "seq");
    cJSON_AddBoolToObject(o, "ok", ok);
    return o;
}

/* An HTTP status for each error code (docs/protocol.md). */
static int status_of(const char *code)
{
    static const struct {
        const char *code;
        int status;
    } t[] = {{"malformed", 400},   {"no_hello", 400},        {"no_participant", 400},
             {"stale", 409},       {"refused", 409},         {"script_error", 500},
             {"confirm_end", 409}, {"not_allowed", 403},     {"not_your_team", 403},
             {"lead_only", 403},   {"too_many_clients", 503}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(t[i].code, code)) return t[i].status;
    return 400;
}

static void refuse(net_req *r, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void refuse(net_req *r, const char *code, const char *fmt, ...)
{
    char text[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    cJSON *o = result(r, 0);
    cJSON_AddStringToObject(o, "code", code);
    cJSON_AddStringToObject(o, "error", text);
    answer(r, status_of(code), o);
}

/* Participants ------------------------------------------------------------------------ */

/* The participant a request comes from: its WebSocket's, or the HTTP
   token's; -1 none. */
static int part_of(const net *n, const net_req *r)
{
    if (r->conn) return r->conn->part;
    for (int i = 0; r->token[0] && i < n->nparts; i++)
        if (n->parts[i].slot == r->slot &&
            net_secret_eq(n->parts[i].token, r->token, NET_TOKEN_LEN + 1))
            return i;
    return -1;
}

static const char *kind_name(const net *n, int slot)
{
    return slot < n->sc->nroles           ? "team"
           : slot == net_slot_observer(n) ? "observer"
                                          : "facilitator";
}

static cJSON *welcome(const net *n, int k)
{
    const net_part *p = &n->parts[k];
    cJSON *o = net_obj("welcome"), *j = cJSON_AddObjectToObject(o, "participant");
    int team = p->slot < n->sc->nroles;
    cJSON_AddStringToObject(j, "id", p->id);
    cJSON_AddStringToObject(j, "name", p->name);
    cJSON_AddStringToObject(j, "token", p->token);
    cJSON_AddStringToObject(j, "kind", kind_name(n, p->slot));
    if (team)
        cJSON_AddStringToObject(j, "role", n->sc->roles[p->slot].id);
    else
        cJSON_AddNullToObject(j, "role");
    cJSON_AddBoolToObject(j, "lead", team && n->slots[p->slot].lead == k);
    cJSON_AddNumberToObject(o, "last_seq", (double)p->last_seq);
    cJSON_AddStringToObject(o, "protocol", NET_PROTOCOL);
    cJSON *l = cJSON_AddObjectToObject(o, "limits");
    cJSON_AddNumberToObject(l, "message_bytes", NET_MAX_MESSAGE);
    cJSON_AddNumberToObject(l, "messages_per_second", NET_RATE);
    cJSON_AddNumberToObject(l, "burst", NET_RATE_BURST);
    return o;
}

static void do_hello(net *n, net_req *r)
{
    net_conn *c = r->conn;
    int k = c && c->part >= 0 ? c->part : net_part_join(n, r->slot, r->token, r->name);
    if (k < 0) {
        refuse(r, "too_many_clients", "the room is full (%d participants)", NET_MAX_PARTICIPANTS);
        return;
    }
    if (c && c->part < 0) {
        c->part = k;
        n->parts[k].online++;
    }
    answer(r, 200, welcome(n, k));
    n->changed = 1;
}

static void do_leave(net *n, net_req *r)
{
    int k = r->conn ? r->conn->part : -1;
    if (k >= 0 && n->parts[k].online > 0) n->parts[k].online--;
    n->changed = 1;
}

/* Who may act as whom ---------------------------------------------------------------------- */

static void list_open(const game *g, int role, char *out, size_t size)
{
    int items[64], k = game_open_decisions(g, role, items, 64);
    viewer v = view_team(role);
    out[0] = '\0';
    for (int i = 0; i < k; i++)
        if (view_sees_item(&v, g, items[i]))
            str_cat(out, size, "%s%s", out[0] ? ", " : "",
                    g->sc->events[g->items[items[i]].event].id);
    k = game_open_adhoc(g, role, items, 64);
    for (int i = 0; i < k; i++)
        str_cat(out, size, "%s%s", out[0] ? ", " : "", g->items[items[i]].id);
    if (!out[0]) str_fmt(out, size, "none");
}

/* A team's answer to an ad-hoc decision: one it may see, open, its own. */
static int check_adhoc(net_req *r, const game *g, int role, const cmd *c, int item)
{
    const game_item *it = &g->items[item];
    char open[1024];
    if (it->option >= 0) {
        list_open(g, role, open, sizeof open);
        refuse(r, "refused", "no open decision on '%s'; your open decisions: %s", c->a, open);
        return -1;
    }
    if (it->decider != role) {
        refuse(r, "not_your_team", "'%s' is decided by %s, not by your team", c->a,
               g->sc->roles[it->decider].id);
        return -1;
    }
    return 0;
}

/* A team's command about an inject: one it may see, that is open, and that
   it decides. The refusal never names another team's injects. */
static int check_event(net_req *r, const game *g, int role, const cmd *c)
{
    viewer v = view_team(role);
    int ev = def_event_find(g->sc, c->a);
    char open[1024];
    int adhoc = ev < 0 ? game_adhoc_find(g, c->a) : -1;
    if (adhoc >= 0 && g->items[adhoc].nopts && view_sees_item(&v, g, adhoc) &&
        c->kind == CMD_CHOOSE)
        return check_adhoc(r, g, role, c, adhoc);
    if (ev < 0 || !view_sees_event(&v, g, ev) || game_open_item(g, ev) < 0) {
        list_open(g, role, open, sizeof open);
        refuse(r, "refused", "%s '%s'; your open decisions: %s",
               ev >= 0 && view_sees_event(&v, g, ev) ? "no open decision on" : "unknown event",
               c->a, open);
        return -1;
    }
    if (g->sc->events[ev].decider != role) {
        refuse(r, "not_your_team", "'%s' is decided by %s, not by your team", c->a,
               g->sc->roles[g->sc->events[ev].decider].id);
        return -1;
    }
    return 0;
}

/* A team's `end` with an open decision or points to spend is refused once
   with code confirm_end; the page asks and sends it again with "confirm".
   Not when the game would refuse it anyway (not its move, already ended). */
static int end_warned(net_req *r, const game *g, int role)
{
    if (g->paused || g->ended || game_role_done(g, role) || (!g->simultaneous && g->role != role))
        return 0;
    strbuf b = {0};
    int warn = game_end_warning((game *)g, role, &b); /* a query: it changes nothing */
    if (warn)
        refuse(r, "confirm_end",
               "%s Send \"end\" again with \"confirm\": true to end the move anyway.", b.s);
    sb_free(&b);
    return warn;
}

/* A team's command is its own: its role named, its injects. */
static int check_team(const net *n, net_req *r, const game *g, int k, cmd *c)
{
    const def_scenario *sc = g->sc;
    int role = r->slot;
    const char *me = sc->roles[role].id;
    if (cmd_specs[c->kind].who != CMD_BY_TEAM) {
        refuse(r, "not_allowed", "'%s' is the facilitator's command", cmd_names[c->kind]);
        return -1;
    }
    if (c->kind == CMD_SURVEY) { /* its line would carry who sent it */
        refuse(r, "not_allowed", "answers go in a survey message, which keeps them anonymous");
        return -1;
    }
    if (c->kind == CMD_ACT && strcmp(c->a, me) != 0) {
        refuse(r, "not_your_team", "your team is %s: you cannot act as '%s'", me, c->a);
        return -1;
    }
    if (c->kind == CMD_END && c->a[0] && strcmp(c->a, me) != 0) {
        refuse(r, "not_your_team", "your team is %s: you cannot end %s's move", me, c->a);
        return -1;
    }
    if (c->kind == CMD_END) str_fmt(c->a, sizeof c->a, "%s", me);
    if (c->kind == CMD_GRADE || c->kind == CMD_MARK) { /* an analysis board's grader only */
        int card = def_card_find(sc, c->a), b = card >= 0 ? sc->cards[card].board : -1;
        if (b >= 0 && sc->boards[b].graded_by != role) {
            refuse(r, "not_your_team", "the cards of '%s' are graded by %s, not your team (%s)",
                   sc->boards[b].id,
                   sc->boards[b].graded_by >= 0 ? sc->roles[sc->boards[b].graded_by].id : "nobody",
                   me);
            return -1;
        }
    }
    int about = c->kind == CMD_CHOOSE || c->kind == CMD_PROPOSE || c->kind == CMD_VOTE;
    if (about && check_event(r, g, role, c)) return -1;
    if ((c->kind == CMD_PROPOSE || c->kind == CMD_VOTE) && k < 0) {
        refuse(r, "no_participant",
               "'%s' needs a participant: join first (hello, or POST /api/join)",
               cmd_names[c->kind]);
        return -1;
    }
    int lead = n->slots[role].lead;
    if (k >= 0 && lead != k &&
        (c->kind == CMD_CHOOSE || c->kind == CMD_ACT || c->kind == CMD_END)) {
        refuse(r, "lead_only", "only your team's lead%s%s%s confirms; propose it and vote",
               lead >= 0 ? " (" : "", lead >= 0 ? n->parts[lead].name : "", lead >= 0 ? ")" : "");
        return -1;
    }
    if (c->kind == CMD_END && !r->confirm && end_warned(r, g, role)) return -1;
    return 0;
}

/* Parse and authorise a line; the canonical line to apply into out. */
static int authorise(const net *n, net_req *r, const game *g, int k, strbuf *out)
{
    cmd c;
    char err[1024];
    const char *w = r->line + strspn(r->line, " \t");
    if (cmd_look_find(w, strcspn(w, " \t")) >= 0) {
        refuse(r, "not_allowed", "'%.*s' looks around at a terminal; the state holds what it shows",
               (int)strcspn(w, " \t"), w);
        return -1;
    }
    if (cmd_parse(r->line, &c, err, sizeof err)) {
        refuse(r, "malformed", "%s", err);
        return -1;
    }
    if (r->slot == net_slot_observer(n)) {
        refuse(r, "not_allowed", "observers watch: they cannot send commands");
        return -1;
    }
    if (r->slot < n->sc->nroles && check_team(n, r, g, k, &c)) return -1;
    cmd_format(&c, out);
    return 0;
}

/* Commands ------------------------------------------------------------------------------ */

/* A seq the participant has used: the same answer again, not applied. */
static int repeated(net *n, net_req *r, int k)
{
    if (k < 0 || !r->has_seq || r->seq > n->parts[k].last_seq) return 0;
    net_part *p = &n->parts[k];
    cJSON *o = r->seq == p->last_seq && p->last_answer ? cJSON_Duplicate(p->last_answer, 1) : NULL;
    if (!o && r->seq == p->last_seq) { /* after a restart: the journal says it was applied */
        o = result(r, 1);
    } else if (!o) {
        o = result(r, 0);
        cJSON_AddStringToObject(o, "code", "stale");
        char text[160];
        str_fmt(text, sizeof text, "seq %lld was used before (the last is %lld): not applied",
                r->seq, p->last_seq);
        cJSON_AddStringToObject(o, "error", text);
    }
    cJSON_ReplaceItemInObject(o, "seq", cJSON_CreateNumber((double)r->seq));
    cJSON_AddBoolToObject(o, "repeat", 1);
    cJSON *ok = cJSON_GetObjectItemCaseSensitive(o, "ok");
    cJSON *code = cJSON_GetObjectItemCaseSensitive(o, "code");
    answer(r, cJSON_IsTrue(ok) ? 200 : status_of(cJSON_IsString(code) ? code->valuestring : ""), o);
    return 1;
}

static void provenance(const net *n, const net_req *r, int k, journal_by *by)
{
    memset(by, 0, sizeof *by);
    int team = r->slot < n->sc->nroles;
    str_fmt(by->kind, sizeof by->kind, "%s", team ? "team" : "facilitator");
    if (team) str_fmt(by->team, sizeof by->team, "%s", n->sc->roles[r->slot].id);
    if (k >= 0) {
        str_fmt(by->participant, sizeof by->participant, "%s", n->parts[k].id);
        str_fmt(by->name, sizeof by->name, "%s", n->parts[k].name);
    } else {
        str_fmt(by->name, sizeof by->name, "api");
    }
    by->seq = r->has_seq ? r->seq : 0;
}

/* Remember the answer to the participant's seq: a resend gets it again. */
static void remember(net *n, net_req *r, int k)
{
    if (k < 0 || !r->has_seq || !r->sent) return;
    net_part *p = &n->parts[k];
    p->last_seq = r->seq;
    cJSON_Delete(p->last_answer);
    p->last_answer = r->sent;
    r->sent = NULL;
}

static void apply(net *n, session *s, net_req *r, int k, const char *line)
{
    journal_by by;
    provenance(n, r, k, &by);
    game_rc rc = session_apply_as(s, line, &by);
    cJSON *o = result(r, rc == GAME_OK);
    int status = 200;
    if (rc == GAME_OK) {
        cJSON_AddStringToObject(o, "line", line);
        cJSON_AddNumberToObject(o, "rev", (double)n->rev + 1); /* the state this poll publishes */
        n->changed = 1;
    } else {
        int script = rc == GAME_SCRIPT_ERROR;
        cJSON_AddStringToObject(o, "code", script ? "script_error" : "refused");
        /* A script error's message is the facilitator's (it names files). */
        cJSON_AddStringToObject(o, "error",
                                script && r->slot != net_slot_facilitator(n)
                                    ? "the scenario failed on this command; the facilitator "
                                      "sees why"
                                    : s->err);
        status = script ? 500 : 409;
        if (script) n->changed = 1; /* the game was rebuilt */
    }
    answer(r, status, o);
}

static void do_command(net *n, session *s, net_req *r)
{
    int k = part_of(n, r);
    if (r->conn && k < 0) {
        refuse(r, "no_hello", "send hello first");
        return;
    }
    if (repeated(n, r, k)) return;
    strbuf line = {0};
    if (authorise(n, r, s->g, k, &line) == 0) apply(n, s, r, k, line.s);
    remember(n, r, k); /* applied or refused, once: the same seq is not looked at again */
    sb_free(&line);
}

/* The hotwash survey, journaled without who sent it (net_survey.c). */
static void do_survey(net *n, session *s, net_req *r)
{
    int k = part_of(n, r);
    strbuf line = {0};
    journal_by by;
    const char *code;
    char err[1024];
    if (k < 0) {
        refuse(r, "no_hello", "send hello first");
        return;
    }
    if (repeated(n, r, k)) return;
    if (net_survey_line(n, s, r, k, &line, &by, &code, err, sizeof err)) {
        refuse(r, code, "%s", err);
    } else if (session_apply_as(s, line.s, &by) != GAME_OK) {
        refuse(r, "refused", "%s", s->err);
    } else {
        n->parts[k].surveyed = 1, n->parts[k].survey_seq = r->has_seq ? r->seq : 0;
        n->room_dirty = n->changed = 1;
        cJSON *o = result(r, 1);
        cJSON_AddNumberToObject(o, "rev", (double)n->rev + 1);
        answer(r, 200, o);
    }
    remember(n, r, k);
    sb_free(&line);
}

/* The lead, the timer, revoking ----------------------------------------------------------- */

static void do_lead(net *n, net_req *r)
{
    int k = part_of(n, r), fac = r->slot == net_slot_facilitator(n);
    int role = fac ? net_slot_by_name(n, r->role) : r->slot;
    int to = net_part_by_id(n, r->to);
    if (role < 0 || role >= n->sc->nroles) {
        refuse(r, fac ? "malformed" : "not_allowed", "%s",
               fac ? "name the team: \"role\"" : "only a team has a lead");
        return;
    }
    if (!fac && (k < 0 || n->slots[role].lead != k)) {
        refuse(r, "lead_only", "only your team's lead passes the lead");
        return;
    }
    if (to < 0 || n->parts[to].slot != role) {
        refuse(r, "malformed", "'%s' is not a member of %s", r->to, n->sc->roles[role].id);
        return;
    }
    n->slots[role].lead = to;
    n->room_dirty = n->changed = 1;
    answer(r, 200, result(r, 1));
}

/* The timer as the journaled command that sets it. */
static void timer_line(int ms, int closes, char *line, size_t size)
{
    str_fmt(line, size, "%s %.17g%s", cmd_names[CMD_TIMER], ms / 60000.0,
            closes && ms ? " close" : "");
}

static void do_timer(net *n, session *s, net_req *r)
{
    if (r->slot != net_slot_facilitator(n)) {
        refuse(r, "not_allowed", "the timer is the facilitator's");
        return;
    }
    char line[96];
    timer_line(r->ms, r->closes, line, sizeof line);
    apply(n, s, r, part_of(n, r), line);
}

static void do_hold(net *n, net_req *r)
{
    if (r->slot != net_slot_facilitator(n)) {
        refuse(r, "not_allowed", "holding the projector is the facilitator's");
        return;
    }
    net_set_hold(n, r->on);
    answer(r, 200, result(r, 1));
}

/* Every connection made with the slot's old code is told and closed. */
static void close_slot(net *n, int slot)
{
    pthread_mutex_lock(&n->lock);
    for (net_conn *c = n->conns; c; c = c->next)
        if (c->slot == slot) net_conn_bye(c, "revoked", 4003);
    pthread_mutex_unlock(&n->lock);
    n->changed = 1;
}

static int save_codes(net *n, char *err, size_t errlen)
{
    return net_room_save(n, err, errlen) || net_codes_write(n, err, errlen) ? -1 : 0;
}

static void do_revoke(net *n, net_req *r)
{
    char err[OUTFILE_ERR_MAX];
    int slot = net_slot_by_name(n, r->role);
    if (r->slot != net_slot_facilitator(n)) {
        refuse(r, "not_allowed", "revoking a code is the facilitator's");
        return;
    }
    if (slot < 0) {
        refuse(r, "malformed", "no slot '%s': a role's id, observer or facilitator", r->role);
        return;
    }
    if (net_room_recode(n, slot)) {
        refuse(r, "refused", "no random numbers from the operating system");
        return;
    }
    /* The files before the answer: whoever reads the new code there after
       it finds it. The answer before the byes: the sender's own connection
       may be one that goes. */
    if (save_codes(n, err, sizeof err)) fprintf(stderr, "crisisroom host: %s\n", err);
    cJSON *o = result(r, 1);
    char code[32];
    net_code_pretty(n->slots[slot].code, code, sizeof code);
    cJSON_AddStringToObject(o, "code", code);
    answer(r, 200, o);
    close_slot(n, slot);
}

static void do_state(net *n, session *s, net_req *r)
{
    net_view_prepare(n, s);
    net_msg *m = net_view_state(n, s, r->slot);
    if (r->wait) net_waiter_answer(r->wait, 200, m);
    net_msg_unref(m);
}

static void handle(net *n, session *s, net_req *r)
{
    switch (r->kind) {
    case REQ_HELLO:
        do_hello(n, r);
        break;
    case REQ_LEAVE:
        do_leave(n, r);
        break;
    case REQ_COMMAND:
        do_command(n, s, r);
        break;
    case REQ_LEAD:
        do_lead(n, r);
        break;
    case REQ_TIMER:
        do_timer(n, s, r);
        break;
    case REQ_HOLD:
        do_hold(n, r);
        break;
    case REQ_REVOKE:
        do_revoke(n, r);
        break;
    case REQ_STATE:
        do_state(n, s, r);
        break;
    case REQ_SURVEY:
        do_survey(n, s, r);
        break;
    }
}

/* The timer --------------------------------------------------------------------------- */

/* The countdown follows the game (movetimer.h); the hold stops it. */
static void timer_sync(net *n, const game *g)
{
    if (movetimer_sync(&n->timer.mt, g, !n->hold, (long long)net_now_ms())) n->changed = 1;
}

/* A session first seen (the host's start, a restart on a save): its move
   goes on from the time it had used, not from full. */
static void timer_restore(net *n, const session *s)
{
    record_times t;
    n->timer.restored = s;
    timer_sync(n, s->g);
    record_times_of(s, &t);
    if (s->nlog) movetimer_spent(&n->timer.mt, t.current_ms, (long long)net_now_ms());
    record_times_free(&t);
}

/* net_set_timer's request, as the facilitator's journaled command. */
static void timer_wanted(net *n, session *s)
{
    net_timer *t = &n->timer;
    if (!t->wanted) return;
    t->wanted = 0;
    int closes = t->want_closes < 0 ? s->g->timer_closes : t->want_closes;
    if (t->want_ms == s->g->timer_ms && (!t->want_ms || closes == s->g->timer_closes)) return;
    char line[96];
    journal_by by = {.kind = "facilitator", .name = "host"};
    timer_line(t->want_ms, closes, line, sizeof line);
    if (session_apply_as(s, line, &by)) fprintf(stderr, "crisisroom host: %s\n", s->err);
    n->changed = 1;
}

/* Time is up: open decisions of the teams still moving take their
   defaults, then the turn closes; each a journaled command "by" the timer. */
static void timer_close(session *s)
{
    game *g = s->g;
    journal_by by = {.kind = "default", .name = "timer"};
    int items[256], k = game_open_decisions(g, -1, items, 256);
    const char *ids[256];
    int nd = 0;
    for (int i = 0; i < k; i++) {
        const def_event *e = &g->sc->events[g->items[items[i]].event];
        if (e->default_option >= 0 && !game_role_done(g, e->decider)) ids[nd++] = e->id;
    }
    for (int i = 0; i < nd; i++) {
        char line[128];
        str_fmt(line, sizeof line, "%s %s", cmd_names[CMD_DEFAULT], ids[i]);
        by.at[0] = '\0';
        if (session_apply_as(s, line, &by) == GAME_SCRIPT_ERROR) break;
    }
    by.at[0] = '\0';
    if (s->g->simultaneous && !s->g->ended) session_apply_as(s, cmd_names[CMD_CLOSE], &by);
}

/* At zero the countdown stops (movetimer.h); once in a turn it then
   closes it, when the facilitator asked for that. */
static void timer_run(net *n, session *s)
{
    const movetimer *t = &n->timer.mt;
    const game *g = s->g;
    timer_sync(n, g);
    if (!t->len_ms || t->running || movetimer_left(t, (long long)net_now_ms()) > 0) return;
    if (!g->timer_closes || n->timer.fired_turn == g->turn || g->paused || g->ended) return;
    n->timer.fired_turn = g->turn;
    timer_close(s);
    timer_sync(n, s->g);
    n->changed = 1;
}

void net_set_timer(net *n, int ms, int closes)
{
    net_timer *t = &n->timer;
    t->wanted = 1;
    t->want_ms = ms > 0 ? ms : 0;
    t->want_closes = closes;
    net_wake(n);
}

void net_timer_get(net *n, int *length_ms, int *left_ms, int *running)
{
    const movetimer *t = &n->timer.mt;
    long long left = movetimer_left(t, (long long)net_now_ms());
    *length_ms = t->len_ms;
    *left_ms = left > 0 ? (int)left : 0;
    *running = t->running;
}

int net_wait_ms(net *n)
{
    const movetimer *t = &n->timer.mt;
    return t->running ? (int)movetimer_left(t, (long long)net_now_ms()) : -1;
}

void net_set_hold(net *n, int on)
{
    n->hold = on ? 1 : 0;
    n->changed = 1;
}

/* Publishing -------------------------------------------------------------------------- */

static void publish(net *n, session *s)
{
    int need[CR_MAX_ROLES + 2] = {0};
    pthread_mutex_lock(&n->lock);
    for (net_conn *c = n->conns; c; c = c->next) need[c->slot] = 1;
    pthread_mutex_unlock(&n->lock);
    n->rev++;
    net_view_prepare(n, s);
    net_msg *msg[CR_MAX_ROLES + 2] = {0}, *sent[CR_MAX_ROLES + 2] = {0};
    for (int i = 0; i < n->nslots; i++)
        if (need[i]) msg[i] = net_view_state(n, s, i);
    /* After the end: the same state, marked for those whose answers are in. */
    for (int i = 0; i < n->nslots && s->g->ended; i++) sent[i] = net_survey_sent(msg[i]);
    pthread_mutex_lock(&n->lock);
    for (net_conn *c = n->conns; c; c = c->next) {
        int done = c->part >= 0 && n->parts[c->part].surveyed && sent[c->slot];
        if (c->part >= 0 && msg[c->slot]) net_conn_state(c, done ? sent[c->slot] : msg[c->slot]);
    }
    pthread_mutex_unlock(&n->lock);
    for (int i = 0; i < n->nslots; i++) net_msg_unref(msg[i]), net_msg_unref(sent[i]);
}

int net_poll(net *n, session *s)
{
    drain_wakes(n);
    pthread_mutex_lock(&n->qlock);
    net_req *r = n->qhead;
    n->qhead = n->qtail = NULL;
    pthread_mutex_unlock(&n->qlock);
    while (r) {
        net_req *next = r->next;
        handle(n, s, r);
        net_req_free(r);
        r = next;
    }
    if (s != n->timer.restored) timer_restore(n, s);
    timer_wanted(n, s);
    timer_run(n, s);
    /* The window's own commands (the console) change the game too. */
    if (s != n->seen || s->nlog != n->seen_nlog) n->changed = 1;
    char err[OUTFILE_ERR_MAX];
    if (n->room_dirty && net_room_save(n, err, sizeof err))
        fprintf(stderr, "crisisroom host: %s\n", err);
    int changed = n->changed;
    if (changed) {
        publish(n, s);
        n->changed = 0;
        n->seen = s, n->seen_nlog = s->nlog;
    }
    return changed;
}

/* The join slots ---------------------------------------------------------------------- */

int net_slot_count(const net *n)
{
    return n->nslots;
}

int net_slot(net *n, int slot, net_slot_info *out)
{
    if (slot < 0 || slot >= n->nslots) return -1;
    memset(out, 0, sizeof *out);
    const def_scenario *sc = n->sc;
    str_fmt(out->name, sizeof out->name, "%s",
            slot < sc->nroles              ? sc->roles[slot].name
            : slot == net_slot_observer(n) ? "Observers"
                                           : "Facilitator");
    str_fmt(out->id, sizeof out->id, "%s", net_slot_name(n, slot));
    pthread_mutex_lock(&n->lock);
    net_code_pretty(n->slots[slot].code, out->code, sizeof out->code);
    out->online = n->slots[slot].conns;
    pthread_mutex_unlock(&n->lock);
    str_fmt(out->url, sizeof out->url, "%sjoin/%s", n->url, out->code);
    for (int i = 0; i < n->nparts; i++) {
        if (n->parts[i].slot != slot) continue;
        out->joined++;
        const char *name = n->parts[i].name[0] ? n->parts[i].name : n->parts[i].id;
        str_cat(out->names, sizeof out->names, "%s%s", out->names[0] ? ", " : "", name);
    }
    return 0;
}

int net_revoke(net *n, int slot, char *err, size_t errlen)
{
    if (slot < 0 || slot >= n->nslots) {
        str_fmt(err, errlen, "no join slot %d", slot);
        return -1;
    }
    if (net_room_recode(n, slot)) {
        str_fmt(err, errlen, "no random numbers from the operating system");
        return -1;
    }
    close_slot(n, slot);
    return save_codes(n, err, errlen);
}
