/*
 * sandbox_lib.c -- the string, table, utf8, math and coroutine libraries
 * within the budget. The count hook runs only between Lua instructions, so a library
 * function that loops in C (string.rep with an empty string and a count of
 * 2^40, table.move over a range of 2^62) would run for ever inside one.
 * The rule: a function that loops in C over a count the script controls
 * is charged that count, as Lua will loop (after Lua's own argument checks,
 * so that what Lua reports as an ordinary error stays one that pcall can
 * catch), before the loop runs; and a function whose constant work takes
 * long (a coroutine's resume) is charged that. docs/sandbox-review.md goes
 * through every function of the five libraries.
 *
 * Two ways: most functions keep Lua's code, called straight from a wrapper
 * that first charges what the call will cost (a cost function reads the
 * arguments as Lua will, without side effects); where the count is known
 * only while looping (table.concat stops at the first bad value, __len
 * and __index are metamethods that Lua calls once) or where Lua 5.4.4 and
 * 5.4.6 differ, the function is Lua 5.4.6's own, charging as it goes.
 */
#include <limits.h>
#include <lualib.h>
#include <string.h>

#include "script_int.h"

#define STACK_MAX   1000000 /* LUAI_MAXSTACK: no call pushes more results */
#define CHARGE_RUN  256     /* elements a table loop does per charge */
#define ELEM_COST   4       /* a table loop's element: a read and a write, through C */
#define RESUME_COST 64      /* a resume and the yield back: two threads, a longjmp */
#define COST_MAX    (LONG_MAX / 4)

/* Costs -------------------------------------------------------------------- */

static long sat(lua_Unsigned n)
{
    return n > (lua_Unsigned)COST_MAX ? COST_MAX : (long)n;
}

/* Bytes of argument i when it is a string (a number is short: 0). */
static size_t str_len(lua_State *L, int i)
{
    return lua_type(L, i) == LUA_TSTRING ? lua_rawlen(L, i) : 0;
}

/* Argument i as an integer, def when absent; ok = 0 when it is neither
   (the function itself will raise the error). */
static lua_Integer opt_int(lua_State *L, int i, lua_Integer def, int *ok)
{
    if (lua_isnoneornil(L, i)) return def;
    int isnum;
    lua_Integer v = lua_tointegerx(L, i, &isnum);
    if (!isnum) *ok = 0;
    return v;
}

static long cost_one(lua_State *L)
{
    (void)L;
    return 1;
}

static long cost_nargs(lua_State *L)
{
    return lua_gettop(L) + 1;
}

/* lower, upper, reverse: a loop over the bytes. */
static long cost_bytes(lua_State *L)
{
    return sat(str_len(L, 1)) + 1;
}

/* string.byte(s, i, j): one result per byte of the range (lstrlib's
   posrelatI and getendpos). */
static long cost_byte(lua_State *L)
{
    int ok = 1;
    lua_Integer len = (lua_Integer)str_len(L, 1);
    lua_Integer pi = opt_int(L, 2, 1, &ok), pe = opt_int(L, 3, pi, &ok);
    lua_Integer i = pi > 0 ? pi : pi == 0 || pi < -len ? 1 : len + pi + 1;
    lua_Integer j = pe > len ? len : pe >= 0 ? pe : pe < -len ? 0 : len + pe + 1;
    if (!ok || i > j || j - i >= STACK_MAX) return 1; /* nothing, or Lua's error */
    return (long)(j - i) + 2;
}

/* string.format: a loop over the format, and %q over each string's bytes;
   other strings are copied (a byte copy costs 1/64, as allocating does). */
static long cost_format(lua_State *L)
{
    size_t lf = str_len(L, 1), strings = 0;
    const char *f = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : "";
    for (int i = 2; i <= lua_gettop(L); i++) strings += str_len(L, i);
    long cost = sat(lf) + sat(strings / SCRIPT_BYTES_PER_INSTRUCTION) + 1;
    if (memchr(f, 'q', lf)) cost += sat(strings);
    return cost;
}

/* string.pack: a loop over the format; "c1000" pads byte by byte. */
static long cost_pack(lua_State *L)
{
    size_t lf = str_len(L, 1), strings = 0;
    const char *f = lf ? lua_tostring(L, 1) : "";
    lua_Unsigned sizes = 0, num = 0;
    for (size_t i = 0; i <= lf; i++) {
        if (i < lf && f[i] >= '0' && f[i] <= '9') {
            num = num > (lua_Unsigned)COST_MAX ? num : num * 10 + (lua_Unsigned)(f[i] - '0');
            continue;
        }
        sizes += num;
        num = 0;
    }
    for (int i = 2; i <= lua_gettop(L); i++) strings += str_len(L, i);
    return sat(lf) + sat(sizes) + sat(strings / SCRIPT_BYTES_PER_INSTRUCTION) + 1;
}

/* string.unpack: a loop over the format; "z" scans the data. */
static long cost_unpack(lua_State *L)
{
    return sat(str_len(L, 1)) + sat(str_len(L, 2)) + 1;
}

/* utf8.len(s, i, j): a loop over the bytes of the range (u_posrelat). */
static lua_Integer u_posrelat(lua_Integer pos, size_t len)
{
    if (pos >= 0) return pos;
    if (0u - (size_t)pos > len) return 0;
    return (lua_Integer)len + pos + 1;
}

static long cost_utflen(lua_State *L)
{
    int ok = 1;
    size_t len = str_len(L, 1);
    lua_Integer i = u_posrelat(opt_int(L, 2, 1, &ok), len);
    lua_Integer j = u_posrelat(opt_int(L, 3, -1, &ok), len);
    return ok && i >= 1 && i <= j ? (long)(j - i) + 2 : 1;
}

/* utf8.codepoint(s, i, j): a result per character of the range. */
static long cost_codepoint(lua_State *L)
{
    int ok = 1;
    size_t len = str_len(L, 1);
    lua_Integer i = u_posrelat(opt_int(L, 2, 1, &ok), len);
    lua_Integer j = u_posrelat(opt_int(L, 3, i, &ok), len);
    if (!ok || i < 1 || j > (lua_Integer)len || i > j || j - i >= STACK_MAX) return 1;
    return (long)(j - i) + 2;
}

/* coroutine.resume (and a wrapped coroutine's call): switching threads and
   back costs the time of tens of instructions, with hardly one counted. */
static long cost_resume(lua_State *L)
{
    (void)L;
    return RESUME_COST;
}

/* string.rep: Lua's own size check first ("resulting string too large"),
   then the memory left (an error that names the line, where a plain memory
   error would not), then n copies. */
static long cost_rep(lua_State *L)
{
    script *s = sbx_self(L);
    int ok = 1;
    size_t l = str_len(L, 1), lsep = str_len(L, 3);
    lua_Integer n = opt_int(L, 2, 0, &ok);
    if (!ok || n <= 0 || l + lsep < l || (l + lsep && l + lsep > (size_t)INT_MAX / (size_t)n))
        return 1; /* "", or Lua's errors */
    size_t room = s->lim.memory > s->mem ? s->lim.memory - s->mem : 0;
    if (l + lsep && (lua_Unsigned)n > room / (l + lsep) + 1) {
        s->mem_hit = 1; /* reported as running out of memory */
        luaL_error(L,
                   "string.rep: out of memory: the result (%d x %d bytes) is larger than the "
                   "memory left (%d KiB)",
                   (int)(n > INT_MAX ? INT_MAX : n), (int)(l + lsep), (int)(room >> 10));
    }
    return sat((lua_Unsigned)n) + sat((lua_Unsigned)n * (l + lsep) / SCRIPT_BYTES_PER_INSTRUCTION);
}

/* Lua's code, charged first ------------------------------------------------ */

typedef long (*cost_fn)(lua_State *L);

static const struct {
    const char *lib, *name;
    cost_fn cost;
} charged[] = {
    {LUA_STRLIBNAME, "byte", cost_byte},
    {LUA_STRLIBNAME, "char", cost_nargs},
    {LUA_STRLIBNAME, "format", cost_format},
    {LUA_STRLIBNAME, "len", cost_one},
    {LUA_STRLIBNAME, "lower", cost_bytes},
    {LUA_STRLIBNAME, "pack", cost_pack},
    {LUA_STRLIBNAME, "packsize", cost_bytes},
    {LUA_STRLIBNAME, "rep", cost_rep},
    {LUA_STRLIBNAME, "reverse", cost_bytes},
    {LUA_STRLIBNAME, "sub", cost_one},
    {LUA_STRLIBNAME, "unpack", cost_unpack},
    {LUA_STRLIBNAME, "upper", cost_bytes},
    {LUA_TABLIBNAME, "pack", cost_nargs},
    {LUA_UTF8LIBNAME, "char", cost_nargs},
    {LUA_UTF8LIBNAME, "codepoint", cost_codepoint},
    {LUA_UTF8LIBNAME, "len", cost_utflen},
    {LUA_MATHLIBNAME, "max", cost_nargs},
    {LUA_MATHLIBNAME, "min", cost_nargs},
    {LUA_COLIBNAME, "resume", cost_resume},
};
#define NCHARGED ((int)(sizeof charged / sizeof charged[0]))

/* The originals, the same in every state (C functions belong to none). */
static lua_CFunction original[NCHARGED];

/* Called as the original would be, in its place (its errors name it as
   Lua's would: the same frame, the same name). */
static int charged_call(lua_State *L)
{
    int i = (int)lua_tointeger(L, lua_upvalueindex(1));
    sbx_charge(L, charged[i].cost(L));
    return original[i](L);
}

/* coroutine.wrap: Lua's, called in this frame (its errors name it as
   Lua's do), whose function (Lua's C function, the coroutine its upvalue)
   is called here after the charge, in its own frame too. */
static lua_CFunction lua_cowrap, lua_auxwrap;

static int charged_auxwrap(lua_State *L)
{
    sbx_charge(L, RESUME_COST);
    return lua_auxwrap(L);
}

static int co_wrap(lua_State *L)
{
    lua_cowrap(L);
    lua_auxwrap = lua_tocfunction(L, -1);
    lua_getupvalue(L, -1, 1); /* the coroutine */
    lua_pushcclosure(L, charged_auxwrap, 1);
    return 1;
}

/* Lua 5.4.6's table functions, charged as they loop ------------------------- */

#define TAB_R  1 /* read */
#define TAB_W  2 /* write */
#define TAB_L  4 /* length */
#define TAB_RW (TAB_R | TAB_W)

static int checkfield(lua_State *L, const char *key, int n)
{
    lua_pushstring(L, key);
    return lua_rawget(L, -n) != LUA_TNIL;
}

/* A table, or something with the metamethods to behave like one. */
static void checktab(lua_State *L, int arg, int what)
{
    if (lua_type(L, arg) == LUA_TTABLE) return;
    int n = 1;
    if (lua_getmetatable(L, arg) && (!(what & TAB_R) || checkfield(L, "__index", ++n)) &&
        (!(what & TAB_W) || checkfield(L, "__newindex", ++n)) &&
        (!(what & TAB_L) || checkfield(L, "__len", ++n)))
        lua_pop(L, n);
    else
        luaL_checktype(L, arg, LUA_TTABLE);
}

static lua_Integer aux_getn(lua_State *L, int arg, int what)
{
    checktab(L, arg, what | TAB_L);
    return luaL_len(L, arg);
}

/* Element `done` of a loop of `total`: the loop is charged a run of
   elements ahead, so one that Lua leaves early (an error at its first
   element) is charged only about what it did. */
static void charge_run(lua_State *L, lua_Unsigned done, lua_Unsigned total)
{
    if (done % CHARGE_RUN == 0)
        sbx_charge(L, ELEM_COST * (total - done < CHARGE_RUN ? (long)(total - done) : CHARGE_RUN));
}

static int t_insert(lua_State *L)
{
    lua_Integer pos, e = aux_getn(L, 1, TAB_RW);
    e = (lua_Integer)((lua_Unsigned)e + 1u); /* first empty element */
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        for (lua_Integer i = e; i > pos; i--) { /* move up elements */
            charge_run(L, (lua_Unsigned)(e - i), (lua_Unsigned)(e - pos));
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int t_remove(lua_State *L)
{
    lua_Integer size = aux_getn(L, 1, TAB_RW);
    lua_Integer pos = luaL_optinteger(L, 2, size), from = pos;
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    lua_geti(L, 1, pos);
    for (; pos < size; pos++) {
        charge_run(L, (lua_Unsigned)(pos - from), (lua_Unsigned)(size - from));
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

static int t_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1; /* destination table */
    checktab(L, 1, TAB_R);
    checktab(L, tt, TAB_W);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        if (t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ))) {
            for (lua_Integer i = 0; i < n; i++) {
                charge_run(L, (lua_Unsigned)i, (lua_Unsigned)n);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        } else {
            for (lua_Integer i = n - 1; i >= 0; i--) {
                charge_run(L, (lua_Unsigned)(n - 1 - i), (lua_Unsigned)n);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

static void addfield(lua_State *L, luaL_Buffer *b, lua_Integer i)
{
    lua_geti(L, 1, i);
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid value (%s) at index %I in table for 'concat'", luaL_typename(L, -1),
                   (lua_Integer)i);
    luaL_addvalue(b);
}

static int t_concat(lua_State *L)
{
    luaL_Buffer b;
    lua_Integer last = aux_getn(L, 1, TAB_R);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1), first = i;
    last = luaL_optinteger(L, 4, last);
    luaL_buffinit(L, &b);
    for (; i < last; i++) {
        charge_run(L, (lua_Unsigned)(i - first), (lua_Unsigned)last - (lua_Unsigned)first + 1);
        addfield(L, &b, i);
        luaL_addlstring(&b, sep, lsep);
    }
    if (i == last) addfield(L, &b, i);
    luaL_pushresult(&b);
    return 1;
}

static int t_unpack(lua_State *L)
{
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer e = luaL_opt(L, luaL_checkinteger, 3, luaL_len(L, 1));
    if (i > e) return 0;
    lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i; /* elements minus 1 */
    if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++n)))
        return luaL_error(L, "too many results to unpack");
    sbx_charge(L, ELEM_COST * (long)n); /* at most STACK_MAX: the stack holds them */
    for (; i < e; i++) lua_geti(L, 1, i);
    lua_geti(L, 1, e);
    return (int)n;
}

/* Lua 5.4.6's table.sort, with a pivot that does not depend on the clock --- */

/* Lua picks a random pivot from clock() and time() when a partition turns
   out unbalanced, so that no input is quadratic on every run; elements
   that compare equal can then land in another order in another run. Here
   the pivot comes from a generator that starts the same in every sort
   (RANLIMIT and the imbalance test are Lua's), and every partition is
   charged its elements before it runs: an input made quadratic for this
   pivot meets the budget instead. */
#define RANLIMIT   100u
#define PIVOT_SEED 0x9e3779b9u

typedef unsigned int IdxT;

static unsigned int next_pivot(unsigned int rnd)
{
    rnd = rnd * 1664525u + 1013904223u; /* Numerical Recipes' LCG */
    return rnd ? rnd : PIVOT_SEED;      /* 0 would mean "the middle" */
}

static void set2(lua_State *L, IdxT i, IdxT j)
{
    lua_seti(L, 1, i);
    lua_seti(L, 1, j);
}

static int sort_comp(lua_State *L, int a, int b)
{
    if (lua_isnil(L, 2)) return lua_compare(L, a, b, LUA_OPLT);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a - 1); /* -1 for the function */
    lua_pushvalue(L, b - 2); /* -2 for the function and a */
    lua_call(L, 2, 1);
    int res = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return res;
}

/* a[lo .. i] <= P <= a[j .. up], a[up - 1] == P */
static IdxT partition(lua_State *L, IdxT lo, IdxT up)
{
    IdxT i = lo, j = up - 1;
    sbx_charge(L, ELEM_COST * (long)(up - lo + 1)); /* each element is read once */
    for (;;) {
        while (lua_geti(L, 1, ++i), sort_comp(L, -1, -2)) { /* a[i] < P */
            if (i == up - 1) luaL_error(L, "invalid order function for sorting");
            lua_pop(L, 1);
        }
        while (lua_geti(L, 1, --j), sort_comp(L, -3, -1)) { /* P < a[j] */
            if (j < i) luaL_error(L, "invalid order function for sorting");
            lua_pop(L, 1);
        }
        if (j < i) { /* no elements to exchange: the pivot goes to a[i] */
            lua_pop(L, 1);
            set2(L, up - 1, i);
            return i;
        }
        set2(L, i, j);
    }
}

static IdxT choose_pivot(IdxT lo, IdxT up, unsigned int rnd)
{
    IdxT r4 = (up - lo) / 4;
    return rnd % (r4 * 2) + (lo + r4);
}

/* Order a[lo], a[p] and a[up]; 1 when that sorted the interval. */
static int sort_three(lua_State *L, IdxT lo, IdxT p, IdxT up)
{
    lua_geti(L, 1, lo);
    lua_geti(L, 1, up);
    if (sort_comp(L, -1, -2)) /* a[up] < a[lo] */
        set2(L, lo, up);
    else
        lua_pop(L, 2);
    if (up - lo == 1) return 1;
    lua_geti(L, 1, p);
    lua_geti(L, 1, lo);
    if (sort_comp(L, -2, -1)) { /* a[p] < a[lo] */
        set2(L, p, lo);
    } else {
        lua_pop(L, 1);
        lua_geti(L, 1, up);
        if (sort_comp(L, -1, -2)) /* a[up] < a[p] */
            set2(L, p, up);
        else
            lua_pop(L, 2);
    }
    return up - lo == 2;
}

static void auxsort(lua_State *L, IdxT lo, IdxT up, unsigned int rnd)
{
    while (lo < up) { /* a loop for the tail call */
        IdxT p = up - lo < RANLIMIT || rnd == 0 ? (lo + up) / 2 : choose_pivot(lo, up, rnd), n;
        if (sort_three(L, lo, p, up)) break;
        lua_geti(L, 1, p); /* the median: the pivot, P */
        lua_pushvalue(L, -1);
        lua_geti(L, 1, up - 1);
        set2(L, p, up - 1); /* a[p] = a[up - 1]; a[up - 1] = P */
        p = partition(L, lo, up);
        if (p - lo < up - p) { /* recurse into the shorter side */
            auxsort(L, lo, p - 1, rnd);
            n = p - lo;
            lo = p + 1;
        } else {
            auxsort(L, p + 1, up, rnd);
            n = up - p;
            up = p - 1;
        }
        if ((up - lo) / 128 > n) rnd = next_pivot(rnd); /* too unbalanced: another pivot */
    }
}

static int t_sort(lua_State *L)
{
    lua_Integer n = aux_getn(L, 1, TAB_RW);
    if (n > 1) {
        luaL_argcheck(L, n < INT_MAX, 1, "array too big");
        if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
        lua_settop(L, 2);
        auxsort(L, 1, (IdxT)n, 0);
    }
    return 0;
}

/* Lua 5.4.6's utf8.offset and utf8.codes, charged as they scan ------------------ */

#define MAXUNICODE 0x10FFFFu
#define MAXUTF     0x7FFFFFFFu
#define MSGInvalid "invalid UTF-8 code"
#define iscont(c)  (((c)&0xC0) == 0x80)
#define iscontp(p) iscont(*(p))

typedef unsigned long utfint;

/* One UTF-8 sequence, or NULL when it is invalid (Lua's utf8_decode). */
static const char *utf8_decode(const char *s, utfint *out, int strict)
{
    static const utfint limits[] = {~(utfint)0, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u};
    unsigned int c = (unsigned char)s[0];
    utfint res = 0;
    if (c < 0x80) {
        res = c;
    } else {
        int count = 0;
        for (; c & 0x40; c <<= 1) {
            unsigned int cc = (unsigned char)s[++count];
            if (!iscont(cc)) return NULL;
            res = (res << 6) | (cc & 0x3F);
        }
        res |= ((utfint)(c & 0x7F) << (count * 5));
        if (count > 5 || res > MAXUTF || res < limits[count]) return NULL;
        s += count;
    }
    if (strict && (res > MAXUNICODE || (0xD800u <= res && res <= 0xDFFFu))) return NULL;
    if (out) *out = res;
    return s + 1;
}

static int u_offset(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer n = luaL_checkinteger(L, 2);
    lua_Integer posi = (n >= 0) ? 1 : (lua_Integer)len + 1, from;
    posi = u_posrelat(luaL_optinteger(L, 3, posi), len);
    luaL_argcheck(L, 1 <= posi && --posi <= (lua_Integer)len, 3, "position out of bounds");
    from = posi;
    if (n == 0) {
        while (posi > 0 && iscontp(s + posi)) posi--;
    } else {
        if (iscontp(s + posi)) return luaL_error(L, "initial position is a continuation byte");
        if (n < 0) {
            while (n < 0 && posi > 0) {
                do posi--;
                while (posi > 0 && iscontp(s + posi));
                n++;
            }
        } else {
            n--;
            while (n > 0 && posi < (lua_Integer)len) {
                do posi++;
                while (iscontp(s + posi)); /* cannot pass the final '\0' */
                n--;
            }
        }
    }
    /* The bytes walked are the loop's count; all within the string. */
    sbx_charge(L, (long)(posi > from ? posi - from : from - posi) + 1);
    if (n == 0)
        lua_pushinteger(L, posi + 1);
    else
        luaL_pushfail(L);
    return 1;
}

static int iter_aux(lua_State *L, int strict)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Unsigned n = (lua_Unsigned)lua_tointeger(L, 2), from = n;
    if (n < len)
        while (iscontp(s + n)) n++; /* to the next character */
    sbx_charge(L, (long)(n - from) + 1);
    if (n >= len) return 0; /* (also when the original n was negative) */
    utfint code;
    const char *next = utf8_decode(s + n, &code, strict);
    if (next == NULL || iscontp(next)) return luaL_error(L, MSGInvalid);
    lua_pushinteger(L, (lua_Integer)n + 1);
    lua_pushinteger(L, (lua_Integer)code);
    return 2;
}

static int iter_auxstrict(lua_State *L)
{
    return iter_aux(L, 1);
}

static int iter_auxlax(lua_State *L)
{
    return iter_aux(L, 0);
}

static int u_codes(lua_State *L)
{
    int lax = lua_toboolean(L, 2);
    const char *s = luaL_checkstring(L, 1);
    luaL_argcheck(L, !iscontp(s), 1, MSGInvalid);
    lua_pushcfunction(L, lax ? iter_auxlax : iter_auxstrict);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    return 3;
}

/* Opening ------------------------------------------------------------------- */

void sbx_open_libs(lua_State *L)
{
    static const struct {
        const char *lib;
        luaL_Reg fn;
    } own[] = {
        {LUA_TABLIBNAME, {"insert", t_insert}},  {LUA_TABLIBNAME, {"remove", t_remove}},
        {LUA_TABLIBNAME, {"move", t_move}},      {LUA_TABLIBNAME, {"concat", t_concat}},
        {LUA_TABLIBNAME, {"unpack", t_unpack}},  {LUA_TABLIBNAME, {"sort", t_sort}},
        {LUA_UTF8LIBNAME, {"offset", u_offset}}, {LUA_UTF8LIBNAME, {"codes", u_codes}},
    };
    for (int i = 0; i < NCHARGED; i++) {
        lua_getglobal(L, charged[i].lib);
        lua_getfield(L, -1, charged[i].name);
        original[i] = lua_tocfunction(L, -1);
        lua_pop(L, 1);
        lua_pushinteger(L, i);
        lua_pushcclosure(L, charged_call, 1);
        lua_setfield(L, -2, charged[i].name);
        lua_pop(L, 1);
    }
    lua_getglobal(L, LUA_COLIBNAME);
    lua_getfield(L, -1, "wrap");
    lua_cowrap = lua_tocfunction(L, -1);
    lua_pop(L, 1);
    lua_pushcfunction(L, co_wrap);
    lua_setfield(L, -2, "wrap");
    lua_pop(L, 1);
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        lua_getglobal(L, own[i].lib);
        lua_pushcfunction(L, own[i].fn.func);
        lua_setfield(L, -2, own[i].fn.name);
        lua_pop(L, 1);
    }
}
