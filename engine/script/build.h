/*
 * build.h -- what the builder's files share (declarations to definitions).
 *
 * build.c drives the two passes and collects the errors; build_read.c reads
 * fields through the API table (api.h) and resolves names; build_effect.c
 * reads effects and requirements; build_move.c events, options and actions;
 * build_kind.c the other constructors; build_clock.c the clock.
 *
 * Every reader takes a field by its number (F_event_title), so a field's
 * name, type, default and range are written once, in api.h. A reader that
 * finds a problem reports it with bld_err (file:line: what: message) and
 * returns the default, so that building goes on and an author sees every
 * problem at once. No author code runs: tables are read raw.
 */
#ifndef CR_BUILD_H
#define CR_BUILD_H

#include "api.h"
#include "script_int.h"

/* build_src.c: the scenario's files, scanned for where each field is. */
typedef struct bld_src bld_src;
typedef struct src_node src_node; /* one table constructor in a file */

typedef struct bld {
    script *s;
    lua_State *L;
    def_scenario *sc;
    strbuf *errors;
    int nerr;
    def_where decl;    /* the declaration's constructor call */
    def_where at;      /* where messages point: the field read last (bld_point) */
    const char *field; /* that field's name, for messages ("in 'to'"); NULL: none */
    char what[200];    /* "event 'portal_down'" */
    int *index;        /* decl number -> definition index */
    int moves_reported;
    size_t copied; /* bytes of text copied out of the declarations */
    bld_src *src;
    int root;         /* stack index of the declaration's table */
    src_node **roots; /* decl number -> its constructor (NULL: not found) */
    lua_Integer n;    /* the declaration's number */
} bld;

/* build.c: one problem, at b->at, about b->what. */
void bld_err(bld *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Point messages at field `key` (or, key NULL, at item `index`) of the
   table at t: its line when the source shows it, else the line of t's own
   constructor; a table the source does not show (built by code) leaves
   them where they were. */
void bld_point(bld *b, int t, const char *key, lua_Integer index);
/* Point them back at the declaration's constructor. */
void bld_point_decl(bld *b);

/* build_src.c ---------------------------------------------------------------- */

bld_src *bld_src_new(const char *dir);
void bld_src_free(bld_src *s);
/* The constructor of the declaration whose table is at t, called on `line`
   of `file` by `kind` (NULL when the source does not show it). */
src_node *bld_src_decl(bld_src *s, lua_State *L, int t, const char *file, int line,
                       const char *kind);
/* The line of `key` (or of item `index`) of the table at t, a table inside
   the declaration at `root` (matched with rn); the line of t's constructor
   when it has no such field; 0 when t is not one the source shows. */
int bld_src_line(bld_src *s, lua_State *L, int root, src_node *rn, const char *file, int t,
                 const char *key, lua_Integer index);
/* fn for every key written twice in one table constructor of `file` (at
   the later line; first_line is the earlier). -1 when the file cannot be
   read. */
typedef void (*bld_src_dup_fn)(void *ud, const char *file, int line, int first_line,
                               const char *key);
int bld_src_dups(bld_src *s, const char *file, bld_src_dup_fn fn, void *ud);
/* The first token `near` on `line` of `file`: the line of the token before
   it (where a missing comma belongs) and the token after it. -1 when there
   is none. */
int bld_src_near(bld_src *s, const char *file, int line, const char *near, int *prev_line,
                 char *next, size_t nsize);

/* build_read.c: fields ----------------------------------------------------- */

/* Push t[k] (raw; nil when t is not a table); returns its Lua type. */
int bld_raw(lua_State *L, int t, const char *k);
/* bld_raw of field f, with messages pointed at it. */
int bld_raw_field(bld *b, int t, api_fid f);
const char *bld_type_name(int t);
/* Push field f of the table at t when present and of its type: 1 pushed,
   0 absent (reported when required), -1 of another type (reported). */
int bld_push(bld *b, int t, api_fid f);
int bld_push_need(bld *b, int t, api_fid f, int required);
/* A copy of text of the declarations, counted against BUILD_MAX_COPIED. */
char *bld_copy(bld *b, const char *text);
/* The readers: the value, or the field's default (NULL for a string). */
char *bld_str(bld *b, int t, api_fid f);
double bld_num(bld *b, int t, api_fid f);
int bld_int(bld *b, int t, api_fid f);
int bld_bool(bld *b, int t, api_fid f);
int bld_fn(bld *b, int t, api_fid f); /* a registry reference, 0 when absent */
/* A text, or a function computing it (*ref, the text then NULL). */
char *bld_text_or_fn(bld *b, int t, api_fid f, int *ref);
/* The choice's index; the default's when absent; -1 (unreported) when the
   string is none of them, with the string left in *got (to free). */
int bld_choice(bld *b, int t, api_fid f, char **got);
void bld_choices(api_fid f, const char *quote, strbuf *out); /* "a, b or c" */
void bld_describe_ref(bld *b, int ref, const char *name);
/* Report keys of the table at t that are no field of kind k. */
void bld_check_fields(bld *b, int t, api_kind k);

/* build_read.c: names and tables ------------------------------------------ */

typedef void (*bld_each_fn)(bld *b, const char *name, void *ud);
/* fn for the string, or each string of the list, that field f holds. */
void bld_each_name(bld *b, int t, api_fid f, bld_each_fn fn, void *ud);
void bld_strs(bld *b, int t, api_fid f, char ***out, int *n);
/* The indexes of the things of kind api_fields[f].ref that f names. */
void bld_ids(bld *b, int t, api_fid f, int **out, int *n);
void bld_deltas(bld *b, int t, api_fid f, def_meter_delta **out, int *n);
void bld_states(bld *b, int t, api_fid f, def_state_set **out, int *n);
/* The source ids field f cites (one or a list; "fiction" too), each checked. */
void bld_sources(bld *b, int t, api_fid f, char ***out, int *n);
/* "did you mean 'x'? roles are a, b, x" for a name among names (of things
   called `plural`): all of them when few, else the nearest. */
void bld_suggest(const char *name, const char *const *names, int n, const char *plural,
                 strbuf *out);
/* An index of a thing of kind k by its id, or -1 after saying which exist. */
int bld_resolve(bld *b, api_kind k, const char *name);
int bld_resolve_option(bld *b, const char *path); /* "event.option" */
/* fn for each key of the table field f holds, in byte order, with the
   key's value on top of the stack (fn leaves the stack as it found it, and
   may keep the key, setting *key to NULL). */
typedef void (*bld_key_fn)(bld *b, api_fid f, char **key, void *ud);
void bld_each_key(bld *b, int t, api_fid f, bld_key_fn fn, void *ud);

/* The builders of each kind: t is the declaration's table, i its index. */
void bld_effects(bld *b, int t, api_fid f, int **out, int *n); /* build_effect.c */
void bld_requires(bld *b, int t, api_fid f, def_move *m);
void bld_event(bld *b, int t, int i); /* build_move.c */
void bld_action(bld *b, int t, int i);
void bld_option_ids(bld *b, int t, int ev); /* pass 1 */
int bld_check_id(bld *b, int t, api_fid f, char **out);
void bld_scenario(bld *b, int t, int i); /* build_kind.c */
void bld_role(bld *b, int t, int i);
void bld_meter(bld *b, int t, int i);
void bld_board(bld *b, int t, int i);
void bld_card(bld *b, int t, int i);
void bld_objective(bld *b, int t, int i);
void bld_ending(bld *b, int t, int i);
void bld_variant(bld *b, int t, int i);
void bld_question(bld *b, int t, int i);
void bld_session(bld *b, int t, int i);
/* After both passes: the names that point into other declarations' own
   tables (a card's key into its board's hypotheses, a variant's true
   hypothesis). */
void bld_resolve_analysis(bld *b);
void bld_clock(bld *b, int t, int i); /* build_clock.c */

#endif
