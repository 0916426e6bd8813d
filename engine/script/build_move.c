/*
 * build_move.c -- events and the moves players make: an event's options
 * (one answer to its decision) and standing actions. Options and actions
 * are both def_move; an option belongs to its event, an action to a role.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"

int bld_check_id(bld *b, int t, api_fid f, char **out)
{
    *out = bld_str(b, t, f);
    if (*out && !str_is_id(*out)) {
        bld_err(b,
                "id '%s' must be lower-case letters, digits and '_', starting with a letter "
                "(at most 40 characters)",
                *out);
    }
    return *out ? 0 : -1;
}

/* Pass 1: an event's options get their indexes with the event's. */
void bld_option_ids(bld *b, int t, int ev)
{
    lua_State *L = b->L;
    if (bld_push(b, t, F_event_options) <= 0) return;
    int ot = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, ot);
    int cap = 0;
    for (lua_Integer i = 1; i <= n; i++) {
        char *id;
        bld_point(b, ot, NULL, i);
        if (lua_rawgeti(L, ot, i) != LUA_TTABLE) {
            bld_err(b, "%s[%lld] must be a table { %s = ..., %s = ... }",
                    api_fname(F_event_options), (long long)i, api_fname(F_option_id),
                    api_fname(F_option_label));
        } else if (bld_check_id(b, lua_gettop(L), F_option_id, &id) == 0) {
            if (def_option_find(b->sc, ev, id) >= 0) bld_err(b, "option '%s' declared twice", id);
            int mi;
            def_move *m = def_add_move(b->sc, &mi);
            m->id = id;
            m->event = ev;
            bld_point(b, lua_gettop(L), NULL, 0); /* the option's own line */
            m->at = b->at;
            def_event *e = &b->sc->events[ev];
            *VEC_PUSH(e->options, e->noptions, cap) = mi;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* Actions' targets and history ---------------------------------------------- */

static void get_targets(bld *b, int t, def_move *m)
{
    if (bld_push(b, t, F_action_targets) <= 0) return;
    int tt = lua_gettop(b->L), cap = 0;
    lua_Integer n = (lua_Integer)lua_rawlen(b->L, tt);
    for (lua_Integer i = 1; i <= n; i++) {
        bld_point(b, tt, NULL, i);
        int ty = lua_rawgeti(b->L, tt, i);
        def_kv pair = {NULL, NULL};
        if (ty == LUA_TSTRING) {
            pair.key = bld_copy(b, lua_tostring(b->L, -1));
            pair.val = bld_copy(b, pair.key);
        } else if (ty == LUA_TTABLE) {
            pair.key = bld_str(b, lua_gettop(b->L), F_target_id);
            pair.val = bld_str(b, lua_gettop(b->L), F_target_label);
            if (!pair.val && pair.key) pair.val = bld_copy(b, pair.key);
        }
        if (pair.key && str_is_id(pair.key))
            *VEC_PUSH(m->targets, m->ntargets, cap) = pair;
        else {
            bld_point(b, tt, NULL, i);
            bld_err(b, "%s[%lld] must be an id or { %s = ..., %s = ... }",
                    api_fname(F_action_targets), (long long)i, api_fname(F_target_id),
                    api_fname(F_target_label));
            free(pair.key), free(pair.val);
        }
        lua_pop(b->L, 1);
    }
    lua_pop(b->L, 1);
}

/* An action's `historical`: a turn, or a list of turns or of
   { turn = n, target = "id" } (what was done, and to what). */
static void add_hist(bld *b, def_move *m, int *cap, int idx)
{
    lua_State *L = b->L;
    int turn = 0;
    char *target = NULL;
    if (lua_type(L, idx) == LUA_TNUMBER) {
        turn = (int)lua_tointeger(L, idx);
    } else if (lua_istable(L, idx)) {
        turn = bld_int(b, lua_absindex(L, idx), F_historical_turn);
        target = bld_str(b, lua_absindex(L, idx), F_historical_target);
    } else {
        bld_err(b, "an action's '%s' lists turns or { %s = n, %s = \"id\" }",
                api_fname(F_action_historical), api_fname(F_historical_turn),
                api_fname(F_historical_target));
        return;
    }
    int n = m->nhist_turns, tcap = *cap;
    *VEC_PUSH(m->hist_turns, m->nhist_turns, *cap) = turn;
    vec_reserve((void **)&m->hist_targets, &tcap, n + 1, sizeof(char *));
    m->hist_targets[n] = target;
}

static void get_hist_turns(bld *b, int t, def_move *m)
{
    lua_State *L = b->L;
    int got = bld_raw_field(b, t, F_action_historical);
    int cap = 0;
    if (got == LUA_TNUMBER) {
        add_hist(b, m, &cap, -1);
    } else if (got == LUA_TTABLE) {
        int ht = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, ht);
        for (lua_Integer i = 1; i <= n; i++) {
            bld_point(b, ht, NULL, i);
            lua_rawgeti(L, ht, i);
            add_hist(b, m, &cap, -1);
            lua_pop(L, 1);
        }
    } else if (got != LUA_TNIL) {
        bld_err(b, "an action's '%s' is a turn or a list of turns", api_fname(F_action_historical));
    }
    lua_pop(L, 1);
}

/* Targets named by `historical` (of the action at t) must exist. */
static void check_hist_targets(bld *b, int t, const def_move *m)
{
    for (int i = 0; i < m->nhist_turns; i++) {
        const char *tg = m->hist_targets ? m->hist_targets[i] : NULL;
        int ok = !tg;
        for (int k = 0; k < m->ntargets && !ok; k++) ok = strcmp(m->targets[k].key, tg) == 0;
        if (ok) continue;
        bld_point(b, t, api_fname(F_action_historical), 0);
        bld_err(b, "historical target '%s' is not one of the action's targets", tg);
    }
}

/* Moves --------------------------------------------------------------------- */

/* The fields options and actions share (API_MOVE_FIELDS): the same place
   in either kind's list. */
#define MOVE_FIELD(k, name) ((k) == K_action ? F_action_##name : F_option_##name)

static void fill_move(bld *b, int t, int mi, api_kind k)
{
    def_move m = b->sc->moves[mi];
    bld_check_fields(b, t, k);
    m.label = bld_str(b, t, MOVE_FIELD(k, label));
    m.text = bld_str(b, t, MOVE_FIELD(k, text));
    m.risk = bld_str(b, t, MOVE_FIELD(k, risk));
    m.cost = bld_int(b, t, MOVE_FIELD(k, cost));
    bld_requires(b, t, MOVE_FIELD(k, requires), &m);
    bld_effects(b, t, MOVE_FIELD(k, effects), &m.effects, &m.neffects);
    if (k == K_action) {
        get_hist_turns(b, t, &m);
        get_targets(b, t, &m);
        check_hist_targets(b, t, &m);
        m.max_uses = bld_int(b, t, F_action_max_uses);
        m.once_per_turn = bld_bool(b, t, F_action_once_per_turn);
        m.max_per_target = bld_int(b, t, F_action_max_uses_per_target);
        if (m.max_per_target && !m.ntargets)
            bld_err(b, "'%s' needs '%s' (give the action its targets, or use '%s')",
                    api_fname(F_action_max_uses_per_target), api_fname(F_action_targets),
                    api_fname(F_action_max_uses));
    } else {
        m.historical = bld_bool(b, t, F_option_historical);
    }
    b->sc->moves[mi] = m;
}

void bld_action(bld *b, int t, int mi)
{
    char *role = bld_str(b, t, F_action_role);
    int r = role ? bld_resolve(b, K_role, role) : -1;
    free(role);
    fill_move(b, t, mi, K_action);
    b->sc->moves[mi].role = r < 0 ? 0 : r;
}

/* Events -------------------------------------------------------------------- */

static int pick_channel(bld *b, int t)
{
    char *ch;
    int i = bld_choice(b, t, F_event_channel, &ch);
    if (i < 0 && ch) {
        strbuf list = {0};
        bld_choices(F_event_channel, "", &list);
        bld_err(b, "unknown %s '%s' (%ss are %s)", api_fname(F_event_channel), ch,
                api_fname(F_event_channel), list.s);
        sb_free(&list);
    }
    free(ch);
    return i < 0 ? CH_BRIEF : i;
}

typedef struct to_ud {
    uint32_t mask;
    int first;
} to_ud;

static void add_to(bld *b, const char *name, void *ud)
{
    to_ud *t = ud;
    if (strcmp(name, "all") == 0) {
        t->mask |= (uint32_t)((1u << b->sc->nroles) - 1);
        if (t->first < 0) t->first = 0;
        return;
    }
    int r = bld_resolve(b, K_role, name);
    if (r < 0) return;
    t->mask |= 1u << r;
    if (t->first < 0) t->first = r;
}

static void build_recipients(bld *b, int t, def_event *e)
{
    to_ud to = {0, -1};
    if (bld_push(b, t, F_event_to) > 0) {
        lua_pop(b->L, 1);
        bld_each_name(b, t, F_event_to, add_to, &to);
    }
    e->to = to.mask;
    char *decider = bld_str(b, t, F_event_decider);
    e->decider = decider ? bld_resolve(b, K_role, decider) : (to.first < 0 ? 0 : to.first);
    if (e->decider < 0) e->decider = 0;
    if (to.mask && !decider && __builtin_popcount(to.mask) > 1) e->decider = 0;
    free(decider);
}

static void build_trigger(bld *b, int t, def_event *e, int ei)
{
    e->turn = bld_int(b, t, F_event_turn);
    e->when = bld_fn(b, t, F_event_when);
    e->from_turn = bld_int(b, t, F_event_from_turn);
    e->delay = bld_int(b, t, F_event_delay);
    char *after = bld_str(b, t, F_event_after);
    if (after && strchr(after, '.')) {
        e->after_option = bld_resolve_option(b, after);
    } else if (after) {
        e->after_event = bld_resolve(b, K_event, after);
        if (e->after_event == ei) bld_err(b, "an event cannot follow itself");
    }
    free(after);
}

/* The options, each in its own context for messages. */
static void build_options(bld *b, int t, int i)
{
    if (bld_push(b, t, F_event_options) <= 0) return;
    int ot = lua_gettop(b->L);
    char base[200];
    str_fmt(base, sizeof base, "%s", b->what);
    for (int k = 0; k < b->sc->events[i].noptions; k++) {
        /* Not a table: already reported, and the rest no longer lines up
           with the options declared. */
        bld_point(b, ot, NULL, k + 1);
        if (lua_rawgeti(b->L, ot, k + 1) != LUA_TTABLE) {
            lua_pop(b->L, 1);
            break;
        }
        int mi = b->sc->events[i].options[k];
        str_fmt(b->what, sizeof b->what, "%s %s '%s'", base, api_kinds[K_option].name,
                b->sc->moves[mi].id);
        fill_move(b, lua_gettop(b->L), mi, K_option);
        lua_pop(b->L, 1);
    }
    str_fmt(b->what, sizeof b->what, "%s", base);
    lua_pop(b->L, 1);
}

void bld_event(bld *b, int t, int i)
{
    bld_check_fields(b, t, K_event);
    def_event e = b->sc->events[i];
    e.title = bld_str(b, t, F_event_title);
    e.text = bld_str(b, t, F_event_text);
    e.note = bld_str(b, t, F_event_note);
    build_recipients(b, t, &e);
    e.channel = (def_channel)pick_channel(b, t);
    bld_sources(b, t, F_event_source, &e.sources, &e.nsources);
    build_trigger(b, t, &e, i);
    e.expires = bld_int(b, t, F_event_expires);
    e.invented = !bld_bool(b, t, F_event_historical);
    char *def = bld_str(b, t, F_event_default);
    b->sc->events[i] = e;
    if (def) {
        int mv = def_option_find(b->sc, i, def);
        if (mv < 0)
            bld_err(b, "%s '%s' is not one of its options", api_fname(F_event_default), def);
        b->sc->events[i].default_option = mv;
        free(def);
    }
    bld_effects(b, t, F_event_on_deliver, &b->sc->events[i].on_deliver,
                &b->sc->events[i].non_deliver);
    build_options(b, t, i);
}
