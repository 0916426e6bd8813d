/*
 * run.c -- the non-interactive subcommands: run, resume, test (check: check.c).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "autoplay.h"
#include "cli.h"
#include "datadir.h"

/* --auto POLICY --to-turn N: the policy plays every move until turn N
   begins, for the room to go on from there (the facilitator's jump). */
static int auto_to(session *s, const char *policy_name, int turn)
{
    policy_kind k;
    char err[4096];
    if (policy_parse(policy_name, &k)) {
        fprintf(stderr, "crisisroom: unknown policy '%s'\n", policy_name);
        return -1;
    }
    if (autoplay_session_to(s, k, turn, err, sizeof err) == 0) return 0;
    fprintf(stderr, "crisisroom: the jump to turn %d stopped: %s\n", turn, err);
    return -1;
}

static int finish_run(session *s, const cli_opts *o, int to_turn)
{
    int rc = 0;
    if (o->policy && (to_turn ? auto_to(s, o->policy, to_turn) : cli_auto(s, o->policy))) rc = 1;
    /* An event suspended by a script error in its `when`: the game went on,
       the run did not succeed. */
    for (int b = game_next_broken(s->g, -1); b >= 0; b = game_next_broken(s->g, b)) {
        char words[2048];
        game_broken_words(s->g, b, words, sizeof words);
        fprintf(stderr, "crisisroom: %s\n", words);
        rc = 1;
    }
    if (o->json)
        cli_print_json(stdout, s);
    else
        printf("%s: turn %d of %d, %s%s%s\n", s->sc->id, s->g->turn, s->sc->nturns,
               s->g->ended ? "ended: " : "in play",
               s->g->ended ? s->sc->endings[s->g->ending].title : "", "");
    if (session_not_saving(s) && s->j) {
        fprintf(stderr, "crisisroom: %s\n", s->j->err);
        rc = 1;
    }
    return rc;
}

/* --to-turn: the help of run and resume say the same. */
#define TO_TURN_OPTION                                                                             \
    OPTION_INT("to-turn", "N", "with --auto: stop as turn N begins (a jump; not to the end)", 1,   \
               CR_MAX_TURNS)

enum {
    RUN_COMMANDS,
    RUN_AUTO,
    RUN_TO,
    RUN_SEED,
    RUN_VARIANT,
    RUN_SESSION,
    RUN_SAVE,
    RUN_JSON,
    RUN_LANG,
    RUN_NOPTS
};
static const opt_spec run_opts[RUN_NOPTS] = {
    [RUN_COMMANDS] = OPTION_FILE("commands", "FILE", "apply the commands of FILE ('-': stdin)"),
    [RUN_AUTO] = OPTION_ENUM("auto", cli_policy_words, "then finish the game by this policy"),
    [RUN_TO] = TO_TURN_OPTION,
    [RUN_SEED] = OPTION_SEED("seed", "N", "the game's seed (default 1)"),
    [RUN_VARIANT] =
        OPTION_STRING("variant", "ID|random", "the hidden truth, or one drawn by the seed"),
    [RUN_SESSION] =
        OPTION_STRING("session", "ID", "play one of the scenario's sessions (default: every turn)"),
    [RUN_SAVE] = OPTION_FILE("save", "FILE", "journal the game to FILE"),
    [RUN_JSON] = OPTION_FLAG("json", "print the final state as one JSON object"),
    [RUN_LANG] = OPTION_LANG,
};
static const opt_cmd run_cmd = {
    "run",
    "SCENARIO",
    1,
    1,
    "Apply the commands of FILE (one per line, '#' comments), then with --auto\n"
    "finish the game by that policy (at least one of the two is needed), or with\n"
    "--to-turn N play by it until turn N begins. The policy's moves are journaled\n"
    "as the policy's, never as a team's.\n"
    "Exit 0 when every command was taken, 1 when one was refused (the error\n"
    "names its line), 2 on usage errors.\n",
    run_opts,
    RUN_NOPTS};

int cli_run(int argc, char **argv)
{
    opt_val v[RUN_NOPTS];
    opt_args a;
    int status = cli_options(&run_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    cli_opts o = {.scenario = a.v[0],
                  .save = v[RUN_SAVE].str,
                  .commands = v[RUN_COMMANDS].str,
                  .variant = v[RUN_VARIANT].str,
                  .session = v[RUN_SESSION].str,
                  .policy = v[RUN_AUTO].str,
                  .seed = v[RUN_SEED].u,
                  .have_seed = v[RUN_SEED].given,
                  .json = v[RUN_JSON].given};
    if (!o.commands && !o.policy) {
        fprintf(stderr, "crisisroom run: give --commands FILE, --auto POLICY or both\n");
        cli_print_help(&run_cmd, stderr);
        return 2;
    }
    int to_turn = v[RUN_TO].given ? (int)v[RUN_TO].i : 0;
    if (to_turn && !o.policy) {
        fprintf(stderr, "crisisroom run: --to-turn needs --auto POLICY (who plays the moves)\n");
        return 2;
    }
    script *s = cli_load(o.scenario);
    if (!s) return 1;
    session *ss = cli_new_session(s, &o, 0);
    int rc = 1;
    if (ss) {
        rc = o.commands && cli_apply_file(ss, o.commands) ? 1 : 0;
        if (rc == 0)
            rc = finish_run(ss, &o, to_turn);
        else if (o.json)
            cli_print_json(stdout, ss);
    }
    session_free(ss);
    script_free(s);
    return rc;
}

enum { RES_COMMANDS, RES_AUTO, RES_TO, RES_JSON, RES_LANG, RES_NOPTS };
static const opt_spec resume_opts[RES_NOPTS] = {
    [RES_COMMANDS] =
        OPTION_FILE("commands", "FILE", "go on with the commands of FILE ('-': stdin)"),
    [RES_AUTO] = OPTION_ENUM("auto", cli_policy_words, "then finish the game by this policy"),
    [RES_TO] = TO_TURN_OPTION,
    [RES_JSON] = OPTION_FLAG("json", "print the final state as one JSON object"),
    [RES_LANG] = OPTION_LANG,
};
static const opt_cmd resume_cmd = {
    "resume",
    "SAVE",
    1,
    1,
    "Replay a save to the exact point it reached, then go on: with the commands of\n"
    "FILE, by a policy, or interactively in the terminal. New commands are appended\n"
    "to the same save.\n",
    resume_opts,
    RES_NOPTS};

int cli_resume_cmd(int argc, char **argv)
{
    opt_val v[RES_NOPTS];
    opt_args a;
    int status = cli_options(&resume_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    cli_opts o = {
        .commands = v[RES_COMMANDS].str, .policy = v[RES_AUTO].str, .json = v[RES_JSON].given};
    int to_turn = v[RES_TO].given ? (int)v[RES_TO].i : 0;
    if (to_turn && !o.policy) {
        fprintf(stderr, "crisisroom resume: --to-turn needs --auto POLICY (who plays the moves)\n");
        return 2;
    }
    script *s;
    session *ss = cli_resume(a.v[0], &s);
    if (!ss) return 1;
    int rc;
    if (!o.commands && !o.policy && !o.json)
        rc = text_loop(&ss, &s);
    else {
        rc = o.commands && cli_apply_file(ss, o.commands) ? 1 : 0;
        if (rc == 0) rc = finish_run(ss, &o, to_turn);
    }
    session_free(ss);
    script_free(s);
    return rc;
}

static const opt_cmd test_cmd = {
    "test",
    "SCENARIO [FILE]",
    1,
    2,
    "Run the scenario's own tests (tests/*.lua in its folder, or only FILE).\n"
    "Exit 0 when all pass, 1 when one fails, 2 on usage errors.\n",
    NULL,
    0};

int cli_test(int argc, char **argv)
{
    opt_args a;
    int status = cli_options(&test_cmd, argc, argv, NULL, &a);
    if (status >= 0) return status;
    char dir[4096], err[8192];
    if (datadir_scenario(a.v[0], dir, sizeof dir, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        return 2;
    }
    int failed = script_run_tests(dir, a.n == 2 ? a.v[1] : NULL, stdout);
    return failed == 0 ? 0 : 1;
}
