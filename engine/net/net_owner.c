/*
 * net_owner.c -- the side of the server that runs on the session's own
 * thread (net_poll): it drains the queue civetweb's threads fill
 * (net_queue.c), answers each request, applies commands authorised
 * (net_auth.c) through session_apply_as with their provenance, runs the
 * timer (net_timer.c), and publishes every viewer's state once per change.
 */
#include <civetweb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "autoplay.h"
#include "net_int.h"
#include "outfile.h"

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

void net_refuse(net_req *r, const char *code, const char *fmt, ...)
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
        net_refuse(r, "too_many_clients", "the room is full (%d participants)",
                   NET_MAX_PARTICIPANTS);
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
        net_refuse(r, "no_hello", "send hello first");
        return;
    }
    if (repeated(n, r, k)) return;
    strbuf line = {0};
    if (net_authorise(n, r, s->g, k, &line) == 0) apply(n, s, r, k, line.s);
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
        net_refuse(r, "no_hello", "send hello first");
        return;
    }
    if (repeated(n, r, k)) return;
    if (net_survey_line(n, s, r, k, &line, &by, &code, err, sizeof err)) {
        net_refuse(r, code, "%s", err);
    } else if (session_apply_as(s, line.s, &by) != GAME_OK) {
        net_refuse(r, "refused", "%s", s->err);
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
        net_refuse(r, fac ? "malformed" : "not_allowed", "%s",
                   fac ? "name the team: \"role\"" : "only a team has a lead");
        return;
    }
    if (!fac && (k < 0 || n->slots[role].lead != k)) {
        net_refuse(r, "lead_only", "only your team's lead passes the lead");
        return;
    }
    if (to < 0 || n->parts[to].slot != role) {
        net_refuse(r, "malformed", "'%s' is not a member of %s", r->to, n->sc->roles[role].id);
        return;
    }
    n->slots[role].lead = to;
    n->room_dirty = n->changed = 1;
    answer(r, 200, result(r, 1));
}

static void do_timer(net *n, session *s, net_req *r)
{
    if (r->slot != net_slot_facilitator(n)) {
        net_refuse(r, "not_allowed", "the timer is the facilitator's");
        return;
    }
    char line[96];
    net_timer_line(r->ms, r->closes, line, sizeof line);
    apply(n, s, r, part_of(n, r), line);
}

static void do_hold(net *n, net_req *r)
{
    if (r->slot != net_slot_facilitator(n)) {
        net_refuse(r, "not_allowed", "holding the projector is the facilitator's");
        return;
    }
    net_set_hold(n, r->on);
    answer(r, 200, result(r, 1));
}

/* The window's jump (ui_console_ctl.c): the policy plays every move up to
   the turn, each through session_apply with the policy's provenance. */
static void do_jump(net *n, session *s, net_req *r)
{
    policy_kind k;
    char err[512];
    if (r->slot != net_slot_facilitator(n)) {
        net_refuse(r, "not_allowed", "jumping to a turn is the facilitator's");
        return;
    }
    if (policy_parse(r->policy, &k)) {
        net_refuse(r, "malformed", "no policy '%s': random, first or historical", r->policy);
        return;
    }
    /* The moves made before a refusal stand, journaled: net_poll publishes
       them, as it does the window's. */
    if (autoplay_session_to(s, k, r->turn, err, sizeof err)) {
        net_refuse(r, "refused", "%s", err);
        return;
    }
    cJSON *o = result(r, 1);
    cJSON_AddNumberToObject(o, "turn", s->g->turn);
    cJSON_AddNumberToObject(o, "rev", (double)n->rev + 1);
    answer(r, 200, o);
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
        net_refuse(r, "not_allowed", "revoking a code is the facilitator's");
        return;
    }
    if (slot < 0) {
        net_refuse(r, "malformed", "no slot '%s': a role's id, observer or facilitator", r->role);
        return;
    }
    if (net_room_recode(n, slot)) {
        net_refuse(r, "refused", "no random numbers from the operating system");
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
    case REQ_JUMP:
        do_jump(n, s, r);
        break;
    }
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
    net_drain_wakes(n);
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
    net_timer_poll(n, s);
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
