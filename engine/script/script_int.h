/*
 * script_int.h -- what the script layer's files share.
 */
#ifndef CR_SCRIPT_INT_H
#define CR_SCRIPT_INT_H

#include <lauxlib.h>
#include <lua.h>

#include "api.h" /* the limits authors meet (SCRIPT_MAX_FILE, ...) */
#include "script.h"
#include "util.h"

/* How the sandbox works, not what it allows (those limits are in api.h). */
#define SCRIPT_HOOK_STEP             250
#define SCRIPT_BYTES_PER_INSTRUCTION 64         /* allocating costs instructions too */
#define SCRIPT_CHARGE_MIN_BYTES      128        /* smaller new objects cost nothing */
#define SCRIPT_SAMPLE_BYTES          (1u << 20) /* note the place after such a block */
#define SCRIPT_BUILD_RESERVE         (8u << 20) /* memory for building, over the limit */
#define SCRIPT_PATTERN_STEPS         200000000L /* a pattern call outside the budget */

/* What the callbacks of one game have used, against the per-turn and
   per-game ceilings (host.c). */
typedef struct sbx_acct {
    uint64_t serial; /* the game's (game.serial), 0 before the first */
    int turn;        /* the turn counted in turn_* */
    unsigned stamp;  /* a new one each turn: cb[].stamp tells a stale turn count */
    /* What is left under each ceiling: below 0, one is exceeded. */
    long turn_left, game_left, turn_ms_left, game_ms_left;
    long turn_instructions, game_instructions; /* the ceilings (api.h; tests lower them) */
    long turn_time_ms, game_time_ms; /* the time ceilings, scaled like the per-call limit */
    struct sbx_cb {
        unsigned stamp;
        long turn, game; /* instructions */
    } * cb;              /* by callback reference */
    int ncb;
} sbx_acct;

/* What print() wrote and dropped, against its ceilings: per call, and per
   game (serial 0: outside a game, the load and the tests). */
typedef struct sbx_printed {
    uint64_t serial;
    long call_bytes, game_bytes;
    long call_lines_dropped, call_bytes_dropped;
    long game_lines_dropped, game_bytes_dropped;
} sbx_printed;

/* Fields that are not methods (methods are found in a plain table first,
   without a call into C); g.state is a plain field too. */
typedef enum {
#define X(name, doc) GF_##name,
    API_G_FIELDS(X)
#undef X
        GF_COUNT
} gapi_field;

extern const char *const gapi_field_names[GF_COUNT];
/* Lua's LUAI_MAXSHORTLEN: a string no longer is interned, so pushing one
   that a table holds as a key finds it again and allocates nothing. */
#define GAPI_SHORT_STRING 40

/* The handle g as callbacks read it (gameapi_view.c): its fields for the game
   and context they were set for, and the version of the game's state the
   mirror of g.state holds. live: outside callbacks, both read from the
   game. */
typedef struct gapi_view {
    int live;
    unsigned cached;  /* fields (1 << GF_*) held in g's methods table */
    const game *g;    /* the game the fields were noted for (NULL: none) */
    uint64_t fserial; /* and its serial */
    int turn, role, ended;
    const char *target;
    uint64_t serial, version, epoch; /* the mirror's (serial 0: none yet) */
    int n;                           /* and the keys it holds */
    int methods_ref, proxy_mt_ref, mirror_ref;
} gapi_view;

/* A name a g method resolved, by its (interned) string object. */
typedef struct gapi_name {
    const void *str;
    int kind, index;
} gapi_name;
#define GAPI_NAME_SLOTS 256 /* names remembered (a scenario uses tens) */

struct script {
    lua_State *L;
    def_scenario *sc;
    char *dir;
    script_limits lim;
    size_t mem, mem_peak;
    int mem_hit;
    /* The instruction budget: only counts while `metered` is set (loading
       and callbacks, not the test runner's own code). */
    int metered;
    long budget; /* of the running call: lim.instructions, or a test's */
    long left;
    int killed;
    int timed_out;       /* killed by the time limit rather than the budget */
    long time_ms;        /* wall-clock ceiling per call (a safety net) */
    long limit_ms;       /* that of the running call (a test's is longer) */
    long deadline;       /* CLOCK_MONOTONIC ms when the time limit strikes */
    long start_ms;       /* when the call's clock started (-1: not yet, see run_call) */
    char near[160];      /* "file:line" where the hook last saw the script */
    char killed_at[160]; /* "file:line" where the budget ran out */
    int sampling;        /* the hook is due at the next instruction */
    unsigned hooks;      /* hook calls, to note the place every few */
    char where[160];     /* what is running, for messages: "event 'x' when" */
    game *g;             /* the game a callback works on */
    int g_ref;           /* registry reference of the handle g */
    gapi_view gv;
    gapi_name names[GAPI_NAME_SLOTS];
    int pairs_ref; /* the kept key lists of pairs (sandbox_order.c) */
    int depth;     /* callbacks running (host.c's call_ref, nested through g:deliver) */
    game_host host;
    void (*print)(void *ud, const char *msg);
    void *print_ud;
    long seen_ms;   /* the clock when the hook last read it */
    long used;      /* instructions the last call used */
    long used_ms;   /* and its wall time, as far as the hook saw */
    sbx_acct acct;  /* ceilings across callbacks (host.c) */
    sbx_printed pr; /* print()'s ceilings */
    uint64_t files_hash;
    int ninclude;       /* files included, to bound them */
    size_t files_bytes; /* read so far, to bound them */
};

/* sandbox.c */
/* The main thread's stack keeps the error handler of every call at this
   index for the state's life (code that uses the stack stays above it). */
#define SBX_HANDLER_SLOT 1
lua_State *sbx_new(script *s);
void sbx_open(script *s);
/* Run the function on top of the stack with nargs under the budget.
   Returns 0 or -1 with "place: message\ntraceback" in err. */
int sbx_call(script *s, int nargs, int nres, const char *where, char *err, size_t errlen);
/* The same with a budget and a time limit of its own (a scenario's test).
   A call inside a metered one charges what it used to the outer call. */
int sbx_call_limited(script *s, int nargs, int nres, const char *where, long budget, long time_ms,
                     char *err, size_t errlen);
/* print(): what was dropped in the call that ends (and in the game that
   ended, at the end of the script), said once. */
void sbx_print_call_end(script *s);
void sbx_print_game_end(script *s);
/* Load a file of the scenario folder as a chunk "@relpath" onto the stack. */
int sbx_load_file(script *s, const char *rel, char *err, size_t errlen);
int sbx_check_path(const char *rel, char *why, size_t whylen);
script *sbx_self(lua_State *L);
long sbx_now_ms(void);        /* CLOCK_MONOTONIC */
int sbx_random(lua_State *L); /* math.random on the game's generator */
/* Work done in C on the script's behalf (pattern matching): what is left of
   the budget, and charging `used` instructions to it (raises the budget
   error when it runs out). */
long sbx_budget(lua_State *L);
void sbx_charge(lua_State *L, long used);

/* pattern.c: string.find, match, gmatch and gsub within the budget */
void sbx_open_patterns(lua_State *L);
/* sandbox_lib.c: the rest of string, table, utf8 and math, charged */
void sbx_open_libs(lua_State *L);

int sbx_include(lua_State *L); /* include "path" */

/* sandbox_order.c: pairs and next in a fixed order */
int sbx_next(lua_State *L);
int sbx_pairs(lua_State *L);
void sbx_open_order(lua_State *L); /* the table of kept key lists */

/* loader.c: the declaration constructors. Each records a declaration, an
   array of these, in the registry's list DECLS_KEY for build.c. */
#define DECLS_KEY "crisisroom.decls"
enum { DECL_KIND = 1, DECL_TABLE, DECL_FILE, DECL_LINE };
void ldr_open(script *s);

/* build.c: declarations to definitions */
int bld_build(script *s, strbuf *errors);

/* gameapi.c: the g handle */
void gapi_open(script *s);
void gapi_push(script *s); /* pushes g */
/* Before a callback on g (and back in an outer one): its fields and g.state
   up to date; -1 with the message when memory ran out. */
int gapi_enter(script *s, game *g, char *err, size_t errlen);
/* After a callback that Lua outside callbacks asked for (a scenario's
   test): g reads the game again. */
void gapi_live(script *s);
void gapi_index_ids(script *s); /* name -> index tables, after building */
/* The game g stands for; a Lua error while no game runs. */
game *gapi_cur(lua_State *L);
/* A string by its length (what it allocates does not depend on Lua's
   cache of C strings). */
void gapi_push_str(lua_State *L, const char *str);

/* gameapi_view.c: g's reads in a callback */
/* Seal the metatable at -1 of g or g.state: writes go to newindex, and
   getmetatable gives false (a script cannot reach the tables behind). */
void gapi_seal(lua_State *L, lua_CFunction newindex);
/* g.state: the proxy and its mirror, made once for the life of the script. */
void gapi_push_state_proxy(lua_State *L, gapi_view *gv);
/* Keep a field g's __index read (at -1) in the methods table at 1. */
void gapi_cache_field(lua_State *L, script *s, const game *g, gapi_field f);
/* Bring the fields and the mirror up to date (engine work, may allocate). */
void gapi_sync_view(lua_State *L, script *s, game *g);

/* host.c */
void host_init(script *s);
void host_free(script *s);
/* What a callback reference is, for messages: "event 'x' when". */
void host_describe(script *s, int ref, char *buf, size_t size);
#define REFDESC_KEY "crisisroom.refdesc"

#endif
