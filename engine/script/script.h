/*
 * script.h -- loading a scenario folder in the sandbox and running its
 * callbacks for core. The only module that holds a lua_State.
 *
 * A loaded scenario gives a def_scenario (the author's declarations) and a
 * game_host (how core calls the author's functions). Both live as long as
 * the script. One script serves any number of games in turn (a batch run
 * reuses it rather than parsing the sources again), but one at a time.
 */
#ifndef CR_SCRIPT_H
#define CR_SCRIPT_H

#include <stddef.h>
#include <stdio.h>

#include "def.h"
#include "game.h"

typedef struct script script;

typedef struct script_limits {
    long instructions; /* per callback (and for the whole load) */
    size_t memory;     /* bytes for the state */
} script_limits;

/* Load and check a scenario folder. On failure returns NULL and writes one
   "file:line: message" per problem (newline separated) to err. */
script *script_load(const char *dir, const script_limits *limits, char *err, size_t errlen);
void script_free(script *s);

const def_scenario *script_scenario(const script *s);
/* The same, to change: only for a translation (strid_apply), right after
   loading and before any game. */
def_scenario *script_scenario_mut(script *s);
const game_host *script_host(script *s);
const char *script_dir(const script *s);

/* Where the scenario's print() goes (default: stderr). The sink must last
   as long as the script: script_free says there what print() dropped. */
void script_set_print(script *s, void (*fn)(void *ud, const char *msg), void *ud);

/* What only the source shows, for `check`: a key written twice in one
   table constructor, of which Lua silently keeps the last (two `meters =`
   in one effect bundle lose the first). Appends one warning each to out
   (a struct lint_list, lint.h); returns how many. */
struct lint_list;
int script_source_warnings(script *s, struct lint_list *out);

/* Run a scenario's test files (tests/ *.lua in its folder), or only the
   file `only` when not NULL. Prints results to out; returns the number of
   failed tests, or -1 when none could run. */
int script_run_tests(const char *dir, const char *only, FILE *out);

#endif
