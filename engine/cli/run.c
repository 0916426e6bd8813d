/*
 * run.c -- the non-interactive subcommands: run, resume, test (check: check.c).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int finish_run(session *s, const cli_opts *o)
{
    int rc = 0;
    if (o->policy && cli_auto(s, o->policy)) rc = 1;
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

int cli_run(int argc, char **argv)
{
    static const char *help =
        "usage: crisisroom run SCENARIO [--commands FILE] [--auto random|first|historical]\n"
        "                      [--seed N] [--variant ID|random] [--save FILE] [--json]\n"
        "Apply the commands of FILE (one per line, '#' comments; '-' reads stdin), then\n"
        "with --auto finish the game by that policy (at least one of the two is needed).\n"
        "--json prints the final state.\n"
        "The seed defaults to 1. Exit 0 when every command was taken, 1 when one was\n"
        "refused (the error names its line), 2 on usage errors.\n";
    if (cli_wants_help(argc, argv, help)) return 0;
    cli_opts o;
    if (cli_parse(argc, argv, "--commands --seed --variant --save --auto --json", &o)) return 2;
    if (!o.scenario || (!o.commands && !o.policy)) {
        fputs(help, stderr);
        return 2;
    }
    script *s = cli_load(o.scenario);
    if (!s) return 1;
    session *ss = cli_new_session(s, &o, 0);
    int rc = 1;
    if (ss) {
        rc = o.commands && cli_apply_file(ss, o.commands, 0) ? 1 : 0;
        if (rc == 0)
            rc = finish_run(ss, &o);
        else if (o.json)
            cli_print_json(stdout, ss);
    }
    session_free(ss);
    script_free(s);
    return rc;
}

int cli_resume_cmd(int argc, char **argv)
{
    static const char *help =
        "usage: crisisroom resume SAVE [--commands FILE] [--auto POLICY] [--json]\n"
        "Replay a save to the exact point it reached, then go on: with the commands of\n"
        "FILE, by a policy, or interactively in the terminal. New commands are appended\n"
        "to the same save.\n";
    if (cli_wants_help(argc, argv, help)) return 0;
    cli_opts o;
    if (cli_parse(argc, argv, "--commands --auto --json", &o)) return 2;
    if (!o.scenario) {
        fputs(help, stderr);
        return 2;
    }
    script *s;
    session *ss = cli_resume(o.scenario, &s);
    if (!ss) return 1;
    int rc;
    if (!o.commands && !o.policy && !o.json)
        rc = text_loop(&ss, &s);
    else {
        rc = o.commands && cli_apply_file(ss, o.commands, 0) ? 1 : 0;
        if (rc == 0) rc = finish_run(ss, &o);
    }
    session_free(ss);
    script_free(s);
    return rc;
}

int cli_test(int argc, char **argv)
{
    static const char *help =
        "usage: crisisroom test SCENARIO [FILE]\n"
        "Run the scenario's own tests (tests/*.lua in its folder, or only FILE).\n"
        "Exit 0 when all pass, 1 when one fails, 2 on usage errors.\n";
    if (cli_wants_help(argc, argv, help)) return 0;
    if (argc < 1 || argc > 2) {
        fputs(help, stderr);
        return 2;
    }
    char dir[4096];
    if (cli_find_scenario(argv[0], dir, sizeof dir)) {
        fprintf(stderr, "crisisroom: no scenario '%s'\n", argv[0]);
        return 2;
    }
    int failed = script_run_tests(dir, argc == 2 ? argv[1] : NULL, stdout);
    return failed == 0 ? 0 : 1;
}
