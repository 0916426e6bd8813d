/*
 * cli.h -- the program's subcommands and what they share: reading their
 * options (each subcommand declares a table, opt.h), loading a scenario,
 * starting or resuming a session, printing state. Everything here prints
 * its own errors (prefixed "crisisroom: ") to stderr.
 */
#ifndef CR_CLI_H
#define CR_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "opt.h"
#include "policy.h"
#include "reload.h"
#include "script.h"
#include "session.h"
#include "stats.h"

/* The automatic players by name (policy.h), NULL-terminated, for the enum
   options --auto and --policy. */
extern const char *const cli_policy_words[];

/* Read a subcommand's arguments by its table. -1: go on; otherwise the
   exit status to return: 0 once the help is printed (stdout), 2 once a
   usage error is (stderr; a missing argument with the usage line). */
int cli_options(const opt_cmd *c, int argc, char **argv, opt_val *v, opt_args *a);
/* Print the help of c to f (run's check that a needed option came). */
void cli_print_help(const opt_cmd *c, FILE *f);

/* What text, run and resume take, once read. */
typedef struct cli_opts {
    const char *scenario; /* folder or name */
    const char *save;     /* --save FILE */
    const char *commands; /* --commands FILE */
    const char *variant;  /* --variant ID|random */
    const char *policy;   /* --auto POLICY */
    const char *session;  /* --session ID: one of the scenario's sessions (NULL: every turn) */
    uint64_t seed;
    int have_seed;
    int json;
    int nosave; /* --no-save */
} cli_opts;

/* Load a scenario by folder or name (datadir.h), printing its problems. */
script *cli_load(const char *arg);
/* The variant for the options (-1 none); prints an error and returns -2. */
int cli_variant(const def_scenario *sc, const cli_opts *o, uint64_t seed, int *mode);
/* "unknown variant 'x'; variants: a, b, random" */
void cli_no_variant(const def_scenario *sc, const char *name);
/* A new session for the options, journaling to --save or the default
   saves folder (unless --no-save). */
session *cli_new_session(script *s, const cli_opts *o, int journal_default);
/* How the text mode says to reload and to resume (reload.h's sentences). */
extern const reload_words cli_reload_words;
/* Load a save and replay it; the session appends to the same file, and
   the commands a reload left pending beside it are offered again
   (reload_resume; told on stderr). */
session *cli_resume(const char *path, script **out_script);
/* The same, read-only: nothing is appended to the save (for reports). */
session *cli_load_save(const char *path, script **out_script);

/* Print the state as one JSON object. */
void cli_print_json(FILE *out, const session *s);
/* Apply a --commands file (cmdfile.h); prints the refusal and returns -1. */
int cli_apply_file(session *s, const char *path);
/* Finish the game by the named policy (autoplay.h); prints why not and
   returns -1. */
int cli_auto(session *s, const char *policy_name);

/* guard.c: stdout and stderr escape every control character (termsafe.h)
   from here on; cli_raw_out writes a control sequence the program means
   (the hand-over's clear screen) past the escaping. */
void cli_guard_streams(void);
void cli_raw_out(const char *bytes);

int cli_text(int argc, char **argv);
int cli_run(int argc, char **argv);
int cli_resume_cmd(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_test(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_handbook(int argc, char **argv); /* handbook.c */
int cli_whatif(int argc, char **argv);   /* whatif.c */

/* The interactive loop shared by `text` and `resume`. Its `reload` command
   replaces the session and the script, hence the pointers to them. */
int text_loop(session **s, script **sc);

/* batch.c: many playthroughs on one loaded scenario (batch, check --runs). */
#define BATCH_VARIANT_RANDOM (-2) /* each run: the variant its seed picks */
typedef struct batch_cfg {
    policy_kind policy;
    uint64_t seed; /* run r plays seed + r */
    long runs;     /* how many runs, from run `first` on */
    int variant;   /* index, -1 none, or BATCH_VARIANT_RANDOM */
    int jobs;      /* processes */
    int check;     /* also observe availability and dead ends (check --runs) */
    long first;    /* the first run's index: 0, or where a shard's slice begins */
} batch_cfg;
#define BATCH_MAX_JOBS   64
#define BATCH_MAX_RUNS   100000000L /* a hundred million: hours of play, not forever */
#define BATCH_MAX_SHARDS 100000     /* slices of one batch (--shard K/M) */
/* --variant NAME|random (NULL: random when the scenario has variants). */
int batch_variant(const def_scenario *sc, const char *name, int *out);
/* Play the runs into out (initialised); -1 when a worker failed. */
int batch_collect(script *s, const batch_cfg *cfg, stats *out);
/* The figures as one JSON line (shard: that object goes in too, before the
   timing), as text, and to an HTML page (html NULL: none); -1 when the page
   could not be written. */
int batch_print(const stats *st, const batch_cfg *cfg, double secs, int json, struct cJSON *shard,
                const char *html);
/* batch_merge.c: `batch --merge FILE...`, the shards' results combined and
   printed as batch_print does; the exit status. */
int batch_merge(const char *const *files, int nfiles, int json, const char *html);

int cli_batch(int argc, char **argv);
int cli_host(int argc, char **argv); /* host.c: the room over the network */
int cli_new(int argc, char **argv);
int cli_strings(int argc, char **argv); /* strings.c: a scenario's strings as a PO file */

#endif
