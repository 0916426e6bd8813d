/*
 * main.c -- crisisroom: dispatch to a subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#ifdef CR_HAVE_UI
#include "ui.h"
#endif

static const char *const usage =
    "usage: crisisroom COMMAND [ARGS]\n"
    "\n"
    "Crisis Room: a turn-based tabletop cyber-crisis simulation.\n"
    "\n"
    "commands:\n"
    "  play [SCENARIO|SAVE]   play in a window (default: the flagship scenario)\n"
    "  text SCENARIO          play in the terminal, every role in turn\n"
    "  run SCENARIO --commands FILE   apply scripted commands\n"
    "  resume SAVE            replay a save and go on\n"
    "  check SCENARIO [--runs N]   validate a scenario (and play it N times)\n"
    "  test SCENARIO [FILE]   run a scenario's own tests\n"
    "  batch SCENARIO --runs N   play N games automatically and sum them up\n"
    "  new NAME [--dir DIR]   start a scenario from the template\n"
    "  report SAVE --out FILE write the after-action report (HTML or JSON)\n"
    "\n"
    "SCENARIO is a scenario folder or a name under scenarios/ (e.g. tutorial).\n"
    "`crisisroom COMMAND --help` tells more; --version prints the version.\n";

static int play(int argc, char **argv)
{
#ifdef CR_HAVE_UI
    return ui_play(argc, argv);
#else
    fprintf(stderr, "crisisroom: built without the window; playing in the terminal\n");
    if (argc < 1) {
        static char *def[] = {"albania2022", NULL};
        return cli_text(1, def);
    }
    return cli_text(argc, argv);
#endif
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("crisisroom %s\n", CR_ENGINE_VERSION);
        return 0;
    }
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {
        {"play", play},        {"text", cli_text}, {"run", cli_run},     {"resume", cli_resume_cmd},
        {"check", cli_check},  {"test", cli_test}, {"batch", cli_batch}, {"new", cli_new},
        {"report", cli_report}};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (strcmp(argv[1], cmds[i].name) == 0) return cmds[i].fn(argc - 2, argv + 2);
    fprintf(stderr, "crisisroom: unknown command '%s'\n\n%s", argv[1], usage);
    return 2;
}
