/*
 * cli.h -- the program's subcommands and what they share: finding a
 * scenario, starting or resuming a session, printing state.
 */
#ifndef CR_CLI_H
#define CR_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "policy.h"
#include "script.h"
#include "session.h"

/* Options most subcommands take. */
typedef struct cli_opts {
    const char *scenario; /* folder or name */
    const char *save;     /* --save FILE */
    const char *commands; /* --commands FILE */
    const char *variant;  /* --variant ID|random */
    const char *policy;   /* --auto POLICY */
    uint64_t seed;
    int have_seed;
    int json;
    int nosave; /* --no-save */
} cli_opts;

/* Parse "--flag value" options after the positional argument; prints the
   error and returns -1 on a bad one. `allowed` lists the flags this
   subcommand takes, e.g. "--seed --save --variant". */
int cli_parse(int argc, char **argv, const char *allowed, cli_opts *o);

/* A scenario folder from a path or a name under scenarios/. */
int cli_find_scenario(const char *arg, char *out, size_t size);
/* Load a scenario, printing its problems to stderr. */
script *cli_load(const char *arg);
/* The variant for the options (-1 none); prints an error and returns -2. */
int cli_variant(const def_scenario *sc, const cli_opts *o, uint64_t seed, int *mode);
/* A new session for the options, journaling to --save or the default
   saves folder (unless --no-save). */
session *cli_new_session(script *s, const cli_opts *o, int journal_default);
/* Load a save and replay it; the session appends to the same file. */
session *cli_resume(const char *path, script **out_script);

/* $XDG_DATA_HOME/crisisroom/saves (created); 0 or -1. */
int cli_saves_dir(char *out, size_t size);

/* Print the state as one JSON object. */
void cli_print_json(FILE *out, const session *s);
/* Apply a --commands file; prints the first refusal and returns -1. */
int cli_apply_file(session *s, const char *path, int echo);
/* Finish the game with a policy. */
int cli_auto(session *s, const char *policy_name);

int cli_text(int argc, char **argv);
int cli_run(int argc, char **argv);
int cli_resume_cmd(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_test(int argc, char **argv);

/* The interactive loop shared by `text` and `resume`. */
int text_loop(session *s, script *sc);

#endif
