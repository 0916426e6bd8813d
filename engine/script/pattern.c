/*
 * pattern.c -- string.find, match, gmatch and gsub for the sandbox: Lua's
 * pattern language, matched by a backtracking matcher of our own that
 * counts its steps against the instruction budget.
 *
 * The count hook only runs between Lua instructions, and the standard
 * library's matcher is C: string.find(string.rep('a', 1e5), '.-.-.-b')
 * would run for hours inside one instruction. Here every step of the
 * matcher (a position tried, a character compared) costs one instruction,
 * so such a call ends with the budget error like an endless loop does.
 * The language is the same as Lua 5.4's (classes, sets, the four
 * quantifiers, captures, back references, %b and %f, anchors), and so are
 * the functions' arguments and results.
 */
#include <ctype.h>
#include <lualib.h>
#include <string.h>

#include "script_int.h"

#define ESC          '%'
#define CAP_OPEN     (-1) /* a capture still open */
#define CAP_POSITION (-2) /* a position capture: () */
#define MAX_DEPTH    200  /* nested calls of do_match, as in Lua */
#define MAX_CAPTURES 32   /* as in Lua */

typedef struct mstate {
    lua_State *L;
    const char *src, *src_end; /* the subject */
    const char *p_end;         /* end of the pattern */
    long left;                 /* steps still allowed */
    long used;                 /* steps taken */
    int depth;                 /* calls of do_match still allowed */
    int level;                 /* captures so far */
    struct {
        const char *init;
        ptrdiff_t len;
    } cap[MAX_CAPTURES];
} mstate;

/* One step of work (n characters compared count n). */
static void charge(mstate *ms, long n)
{
    ms->used += n;
    if ((ms->left -= n) < 0) {
        sbx_charge(ms->L, ms->used);
        ms->used = 0;
        /* Not metered (a test file's own code): a fixed ceiling. */
        luaL_error(ms->L, "pattern too complex for the subject (more than %I steps)",
                   (lua_Integer)SCRIPT_PATTERN_STEPS);
    }
}

static void start_state(mstate *ms, lua_State *L, const char *s, size_t ls, const char *p,
                        size_t lp)
{
    ms->L = L;
    ms->src = s;
    ms->src_end = s + ls;
    ms->p_end = p + lp;
    ms->left = sbx_budget(L);
    ms->used = 0;
}

static void restart(mstate *ms)
{
    ms->level = 0;
    ms->depth = MAX_DEPTH;
}

static void finish_state(mstate *ms)
{
    sbx_charge(ms->L, ms->used);
    ms->used = 0;
}

/* Classes ---------------------------------------------------------------------- */

/* The end of the single-character class at p. */
static const char *class_end(mstate *ms, const char *p)
{
    char c = *p++;
    if (c == ESC) {
        if (p >= ms->p_end) luaL_error(ms->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        if (p < ms->p_end && *p == '^') p++;
        /* The first character of a set is itself, even ']'. */
        do {
            if (p >= ms->p_end) luaL_error(ms->L, "malformed pattern (missing ']')");
            c = *p++;
            if (c == ESC && p < ms->p_end) p++;
        } while (p >= ms->p_end || *p != ']');
        return p + 1;
    }
    return p;
}

static int in_class(int c, int cl)
{
    int yes;
    switch (tolower(cl)) {
    case 'a':
        yes = isalpha(c);
        break;
    case 'c':
        yes = iscntrl(c);
        break;
    case 'd':
        yes = isdigit(c);
        break;
    case 'g':
        yes = isgraph(c);
        break;
    case 'l':
        yes = islower(c);
        break;
    case 'p':
        yes = ispunct(c);
        break;
    case 's':
        yes = isspace(c);
        break;
    case 'u':
        yes = isupper(c);
        break;
    case 'w':
        yes = isalnum(c);
        break;
    case 'x':
        yes = isxdigit(c);
        break;
    case 'z': /* deprecated in Lua 5.2, still there in 5.4 */
        yes = c == 0;
        break;
    default:
        return cl == c;
    }
    if (isupper(cl)) yes = !yes;
    return yes != 0;
}

/* Is c in the set [p .. ec] (p at '[', ec at its ']')? */
static int in_set(int c, const char *p, const char *ec)
{
    int want = 1;
    if (p[1] == '^') {
        want = 0;
        p++;
    }
    while (++p < ec) {
        if (*p == ESC) {
            p++;
            if (in_class(c, (unsigned char)*p)) return want;
        } else if (p[1] == '-' && p + 2 < ec) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return want;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return want;
        }
    }
    return !want;
}

/* Does the character at s match the class p .. ep? */
static int single(mstate *ms, const char *s, const char *p, const char *ep)
{
    if (s >= ms->src_end) return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.':
        return 1;
    case ESC:
        return in_class(c, (unsigned char)p[1]);
    case '[':
        return in_set(c, p, ep - 1);
    default:
        return (unsigned char)*p == c;
    }
}

/* Matching --------------------------------------------------------------------- */

static const char *do_match(mstate *ms, const char *s, const char *p);

static const char *balance(mstate *ms, const char *s, const char *p)
{
    if (p + 1 >= ms->p_end) luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= ms->src_end || *s != p[0]) return NULL;
    int open = 1;
    while (++s < ms->src_end) {
        charge(ms, 1);
        if (*s == p[1]) {
            if (--open == 0) return s + 1;
        } else if (*s == p[0]) {
            open++;
        }
    }
    return NULL;
}

/* Greedy: the longest run first, then shorter ones. */
static const char *greedy(mstate *ms, const char *s, const char *p, const char *ep)
{
    ptrdiff_t n = 0;
    while (single(ms, s + n, p, ep)) {
        charge(ms, 1);
        n++;
    }
    for (; n >= 0; n--) {
        const char *r = do_match(ms, s + n, ep + 1);
        if (r) return r;
    }
    return NULL;
}

/* Lazy: the shortest run first, then longer ones. */
static const char *lazy(mstate *ms, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = do_match(ms, s, ep + 1);
        if (r) return r;
        if (!single(ms, s, p, ep)) return NULL;
        s++;
    }
}

static const char *open_capture(mstate *ms, const char *s, const char *p, ptrdiff_t what)
{
    if (ms->level >= MAX_CAPTURES) luaL_error(ms->L, "too many captures");
    ms->cap[ms->level].init = s;
    ms->cap[ms->level].len = what;
    ms->level++;
    const char *r = do_match(ms, s, p);
    if (!r) ms->level--;
    return r;
}

static const char *close_capture(mstate *ms, const char *s, const char *p)
{
    int l = ms->level - 1;
    while (l >= 0 && ms->cap[l].len != CAP_OPEN) l--;
    if (l < 0) luaL_error(ms->L, "invalid pattern capture");
    ms->cap[l].len = s - ms->cap[l].init;
    const char *r = do_match(ms, s, p);
    if (!r) ms->cap[l].len = CAP_OPEN;
    return r;
}

static int capture_index(mstate *ms, int c)
{
    int l = c - '1';
    if (l < 0 || l >= ms->level || ms->cap[l].len == CAP_OPEN)
        return luaL_error(ms->L, "invalid capture index %%%d", l + 1);
    return l;
}

/* %1 .. %9: the text of an earlier capture again. */
static const char *backref(mstate *ms, const char *s, int c)
{
    int l = capture_index(ms, c);
    ptrdiff_t len = ms->cap[l].len;
    if (len < 0 || ms->src_end - s < len) return NULL;
    charge(ms, (long)len);
    return memcmp(ms->cap[l].init, s, (size_t)len) == 0 ? s + len : NULL;
}

/* The end of a match of p at s, or NULL. Tail positions loop rather than
   recurse, so the depth only grows with alternatives still to try. */
static const char *do_match(mstate *ms, const char *s, const char *p)
{
    if (ms->depth-- == 0) luaL_error(ms->L, "pattern too complex");
    for (;;) {
        charge(ms, 1);
        if (p >= ms->p_end) break;
        if (*p == '(') {
            s = p + 1 < ms->p_end && p[1] == ')' ? open_capture(ms, s, p + 2, CAP_POSITION)
                                                 : open_capture(ms, s, p + 1, CAP_OPEN);
            break;
        }
        if (*p == ')') {
            s = close_capture(ms, s, p + 1);
            break;
        }
        if (*p == '$' && p + 1 == ms->p_end) {
            if (s != ms->src_end) s = NULL;
            break;
        }
        if (*p == ESC && p + 1 < ms->p_end && p[1] == 'b') {
            s = balance(ms, s, p + 2);
            if (!s) break;
            p += 4;
            continue;
        }
        if (*p == ESC && p + 1 < ms->p_end && p[1] == 'f') {
            p += 2;
            if (p >= ms->p_end || *p != '[')
                luaL_error(ms->L, "missing '[' after '%%f' in pattern");
            const char *ep = class_end(ms, p);
            int before = s == ms->src ? 0 : (unsigned char)s[-1];
            int here = s < ms->src_end ? (unsigned char)*s : 0;
            if (in_set(before, p, ep - 1) || !in_set(here, p, ep - 1)) {
                s = NULL;
                break;
            }
            p = ep;
            continue;
        }
        if (*p == ESC && p + 1 < ms->p_end && isdigit((unsigned char)p[1])) {
            s = backref(ms, s, (unsigned char)p[1]);
            if (!s) break;
            p += 2;
            continue;
        }
        /* A single-character class, maybe with a quantifier. */
        const char *ep = class_end(ms, p);
        char q = ep < ms->p_end ? *ep : '\0';
        if (!single(ms, s, p, ep)) {
            if (q == '*' || q == '?' || q == '-') {
                p = ep + 1; /* none is fine */
                continue;
            }
            s = NULL;
            break;
        }
        if (q == '?') {
            const char *r = do_match(ms, s + 1, ep + 1);
            if (r) {
                s = r;
                break;
            }
            p = ep + 1;
            continue;
        }
        if (q == '+' || q == '*') {
            s = greedy(ms, q == '+' ? s + 1 : s, p, ep);
            break;
        }
        if (q == '-') {
            s = lazy(ms, s, p, ep);
            break;
        }
        s++;
        p = ep;
    }
    ms->depth++;
    return s;
}

/* Captures --------------------------------------------------------------------- */

/* Push capture i (the whole match s .. e when there are none). */
static void push_capture(mstate *ms, int i, const char *s, const char *e)
{
    if (i >= ms->level) {
        if (i != 0) luaL_error(ms->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(ms->L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t len = ms->cap[i].len;
    if (len == CAP_OPEN) luaL_error(ms->L, "unfinished capture");
    if (len == CAP_POSITION)
        lua_pushinteger(ms->L, (ms->cap[i].init - ms->src) + 1);
    else
        lua_pushlstring(ms->L, ms->cap[i].init, (size_t)len);
}

/* Push every capture; the whole match when there are none and s is set. */
static int push_captures(mstate *ms, const char *s, const char *e)
{
    int n = ms->level == 0 && s ? 1 : ms->level;
    luaL_checkstack(ms->L, n, "too many captures");
    for (int i = 0; i < n; i++) push_capture(ms, i, s, e);
    return n;
}

/* The functions ------------------------------------------------------------------ */

/* A position argument (1-based, negative from the end) as an offset. */
static size_t start_at(lua_Integer pos, size_t len)
{
    if (pos > 0) return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len) return 0;
    return len + (size_t)pos;
}

static int has_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (strchr("^$*+?.([%-", p[i]) && p[i]) return 1;
    return 0;
}

/* Plain search, counted too: it is quadratic at worst. */
static const char *plain_find(mstate *ms, const char *s, size_t ls, const char *p, size_t lp)
{
    if (lp == 0) return s;
    if (lp > ls) return NULL;
    const char *end = s + (ls - lp);
    for (const char *q = s; q <= end; q++) {
        q = memchr(q, p[0], (size_t)(end - q) + 1);
        if (!q) return NULL;
        charge(ms, (long)(lp / 16 + 1));
        if (memcmp(q + 1, p + 1, lp - 1) == 0) return q;
    }
    return NULL;
}

static int find_or_match(lua_State *L, int find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_at(luaL_optinteger(L, 3, 1), ls);
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    mstate ms;
    start_state(&ms, L, s, ls, p, lp);
    if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
        const char *at = plain_find(&ms, s + init, ls - init, p, lp);
        finish_state(&ms);
        if (!at) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, (at - s) + 1);
        lua_pushinteger(L, (lua_Integer)((at - s) + lp));
        return 2;
    }
    int anchor = lp > 0 && *p == '^';
    if (anchor) p++, lp--, ms.p_end = p + lp;
    const char *from = s + init;
    do {
        restart(&ms);
        const char *e = do_match(&ms, from, p);
        if (e) {
            finish_state(&ms);
            if (!find) return push_captures(&ms, from, e);
            lua_pushinteger(L, (from - s) + 1);
            lua_pushinteger(L, e - s);
            return push_captures(&ms, NULL, NULL) + 2;
        }
    } while (from++ < ms.src_end && !anchor);
    finish_state(&ms);
    luaL_pushfail(L);
    return 1;
}

static int p_find(lua_State *L)
{
    return find_or_match(L, 1);
}

static int p_match(lua_State *L)
{
    return find_or_match(L, 0);
}

/* gmatch's iterator: upvalues are the subject, the pattern and the state
   (a full userdata: the position and the end of the last match). */
typedef struct gmstate {
    size_t pos;  /* where the next search starts */
    size_t last; /* end of the last match, or (size_t)-1 */
} gmstate;

static int gmatch_next(lua_State *L)
{
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    gmstate *gm = lua_touserdata(L, lua_upvalueindex(3));
    mstate ms;
    start_state(&ms, L, s, ls, p, lp);
    for (const char *from = s + gm->pos; from <= ms.src_end; from++) {
        restart(&ms);
        const char *e = do_match(&ms, from, p);
        if (e && (size_t)(e - s) != gm->last) {
            gm->pos = gm->last = (size_t)(e - s);
            finish_state(&ms);
            return push_captures(&ms, from, e);
        }
    }
    gm->pos = ls + 1;
    finish_state(&ms);
    return 0;
}

static int p_gmatch(lua_State *L)
{
    size_t ls;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    size_t init = start_at(luaL_optinteger(L, 3, 1), ls);
    lua_settop(L, 2);
    gmstate *gm = lua_newuserdatauv(L, sizeof *gm, 0);
    gm->pos = init > ls ? ls + 1 : init;
    gm->last = (size_t)-1;
    lua_pushcclosure(L, gmatch_next, 3);
    return 1;
}

/* Append the replacement of the match s .. e to b. Returns 0 when the
   match was kept as it was (a function or table gave nil or false). */
static int add_replacement(mstate *ms, luaL_Buffer *b, const char *s, const char *e, int how)
{
    lua_State *L = ms->L;
    if (how == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = push_captures(ms, s, e);
        finish_state(ms); /* the function's own instructions count as they run */
        lua_call(L, n, 1);
        ms->left = sbx_budget(L);
    } else if (how == LUA_TTABLE) {
        push_capture(ms, 0, s, e);
        lua_gettable(L, 3);
        finish_state(ms);
        ms->left = sbx_budget(L);
    } else {
        size_t lr;
        const char *r = lua_tolstring(L, 3, &lr), *end = r + lr;
        while (r < end) {
            const char *pc = memchr(r, ESC, (size_t)(end - r));
            if (!pc) {
                luaL_addlstring(b, r, (size_t)(end - r));
                break;
            }
            luaL_addlstring(b, r, (size_t)(pc - r));
            r = pc + 1;
            if (r < end && *r == ESC) {
                luaL_addchar(b, ESC);
            } else if (r < end && isdigit((unsigned char)*r)) {
                if (*r == '0')
                    luaL_addlstring(b, s, (size_t)(e - s));
                else {
                    push_capture(ms, *r - '1', s, e);
                    luaL_tolstring(L, -1, NULL);
                    lua_remove(L, -2);
                    luaL_addvalue(b);
                }
            } else {
                luaL_error(L, "invalid use of '%c' in replacement string", ESC);
            }
            r++;
        }
        return 1;
    }
    if (!lua_toboolean(L, -1)) { /* nil or false: keep the match */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

static int p_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int how = lua_type(L, 3);
    lua_Integer max = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(
        L, how == LUA_TNUMBER || how == LUA_TSTRING || how == LUA_TFUNCTION || how == LUA_TTABLE, 3,
        "string/function/table");
    int anchor = lp > 0 && *p == '^';
    if (anchor) p++, lp--;
    mstate ms;
    start_state(&ms, L, src, ls, p, lp);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    const char *last = NULL;
    lua_Integer n = 0;
    int changed = 0;
    while (n < max) {
        restart(&ms);
        const char *e = do_match(&ms, src, p);
        if (e && e != last) {
            n++;
            changed |= add_replacement(&ms, &b, src, e, how);
            src = last = e;
        } else if (src < ms.src_end) {
            charge(&ms, 1);
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchor) break;
    }
    finish_state(&ms);
    if (!changed) { /* Lua returns the very same string */
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, src, (size_t)(ms.src_end - src));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

void sbx_open_patterns(lua_State *L)
{
    static const luaL_Reg fns[] = {
        {"find", p_find}, {"match", p_match}, {"gmatch", p_gmatch}, {"gsub", p_gsub}, {NULL, NULL}};
    lua_getglobal(L, LUA_STRLIBNAME);
    luaL_setfuncs(L, fns, 0);
    lua_pop(L, 1);
}
