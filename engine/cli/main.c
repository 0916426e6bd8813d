/*
 * main.c -- crisisroom: dispatch to a subcommand. The list in --help is
 * made from the dispatch table; each subcommand's own help from its
 * option table (opt.h).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "lang.h"
#ifdef CR_HAVE_UI
#include "ui.h"
#endif

static int play(int argc, char **argv)
{
#ifdef CR_HAVE_UI
    /* The window's options are its own table, read like every other's. */
    opt_val v[OPT_MAX_OPTIONS];
    opt_args a;
    int status = cli_options(&ui_play_cmd, argc, argv, v, &a);
    return status >= 0 ? status : ui_play(v, &a);
#else
    fprintf(stderr, "crisisroom: built without the window; playing in the terminal\n");
    if (argc < 1) {
        static char *def[] = {"albania2022", NULL};
        return cli_text(1, def);
    }
    return cli_text(argc, argv);
#endif
}

static const struct {
    const char *name, *args, *what;
    int (*fn)(int, char **);
} cmds[] = {
    {"play", "[SCENARIO|SAVE]", "play in a window (default: the flagship scenario)", play},
    {"text", "SCENARIO", "play in the terminal, every role in turn", cli_text},
    {"run", "SCENARIO --commands FILE", "apply scripted commands", cli_run},
    {"resume", "SAVE", "replay a save and go on", cli_resume_cmd},
    {"check", "SCENARIO [--runs N]", "validate a scenario (and play it N times)", cli_check},
    {"test", "SCENARIO [FILE]", "run a scenario's own tests", cli_test},
    {"batch", "SCENARIO --runs N", "play N games automatically and sum them up", cli_batch},
    {"new", "NAME [--dir DIR]", "start a scenario from the template", cli_new},
    {"report", "SAVE --out FILE", "write the after-action report (HTML, JSON, CSV)", cli_report},
    {"handbook", "SCENARIO --out FILE", "write the facilitator's handbook and MSEL", cli_handbook},
    {"whatif", "SAVE --at N --command L", "replay a save with one command changed", cli_whatif},
    {"host", "SCENARIO|SAVE", "every team on its own device, over the network", cli_host},
    {"strings", "SCENARIO --out FILE.po", "a scenario's texts as a PO file, to translate",
     cli_strings},
};
#define NCMDS (sizeof cmds / sizeof cmds[0])

static void usage(FILE *f)
{
    fputs("usage: crisisroom COMMAND [ARGS]\n\n"
          "Crisis Room: a turn-based tabletop cyber-crisis simulation.\n\ncommands:\n",
          f);
    for (size_t i = 0; i < NCMDS; i++) {
        char left[64];
        snprintf(left, sizeof left, "%s %s", cmds[i].name, cmds[i].args);
        fprintf(f, "  %-32s %s\n", left, cmds[i].what);
    }
    fputs("\nSCENARIO is a scenario folder or the name of an installed one (e.g. tutorial).\n"
          "`crisisroom COMMAND --help` tells more; --version prints the version.\n",
          f);
}

int main(int argc, char **argv)
{
    cli_guard_streams();
    lang_select(NULL, NULL, 0); /* the environment's language, until a --lang */
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        (strcmp(argv[1], "help") == 0 && argc == 2)) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("crisisroom %s\n", CR_ENGINE_VERSION);
        return 0;
    }
    /* `crisisroom help COMMAND` is `crisisroom COMMAND --help`. */
    int help = strcmp(argv[1], "help") == 0;
    const char *name = argv[1 + help];
    static char *ask[] = {"--help", NULL};
    for (size_t i = 0; i < NCMDS; i++)
        if (strcmp(name, cmds[i].name) == 0)
            return help ? cmds[i].fn(1, ask) : cmds[i].fn(argc - 2, argv + 2);
    fprintf(stderr, "crisisroom: unknown command '%s'\n\n", name);
    usage(stderr);
    return 2;
}
