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
#include "stats.h"

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

/* Print help and return 1 when --help or -h is among the arguments. */
int cli_wants_help(int argc, char **argv, const char *help);

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
/* The same, read-only: nothing is appended to the save (for reports). */
session *cli_load_save(const char *path, script **out_script);

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
int cli_report(int argc, char **argv);

/* The interactive loop shared by `text` and `resume`. Its `reload` command
   replaces the session and the script, hence the pointers to them. */
int text_loop(session **s, script **sc);

/* batch.c: many playthroughs on one loaded scenario (batch, check --runs). */
#define BATCH_VARIANT_RANDOM (-2) /* each run: the variant its seed picks */
typedef struct batch_cfg {
    policy_kind policy;
    uint64_t seed; /* run r plays seed + r */
    long runs;
    int variant; /* index, -1 none, or BATCH_VARIANT_RANDOM */
    int jobs;    /* processes */
    int check;   /* also observe availability and dead ends (check --runs) */
} batch_cfg;
typedef struct batch_args {
    const char *scenario, *html, *variant;
    int json, strict;
    batch_cfg cfg;
} batch_args;
/* Parse the flags of batch and check (`allowed` as for cli_parse). */
int batch_parse(int argc, char **argv, const char *allowed, batch_args *a);
/* --variant NAME|random (NULL: random when the scenario has variants). */
int batch_variant(const def_scenario *sc, const char *name, int *out);
/* Play the runs into out (initialised); -1 when a worker failed. */
int batch_collect(script *s, const batch_cfg *cfg, stats *out);

int cli_batch(int argc, char **argv);
int cli_new(int argc, char **argv);

#endif
