/*
 * fuzz_scenario.c -- any text as a scenario.lua, through the sandbox: it
 * loads or is refused with a message; when it loads, one short random game
 * runs under a small instruction budget. Never a crash, a leak or a hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "policy.h"
#include "script.h"
#include "session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void quiet(void *ud, const char *msg)
{
    (void)ud, (void)msg;
}

static void play(script *s)
{
    char err[4096];
    const def_scenario *sc = script_scenario(s);
    session *ss = session_new(sc, script_host(s), 7, sc->nvariants ? 0 : -1, 0, err, sizeof err);
    if (!ss) return;
    policy p;
    policy_init(&p, POLICY_RANDOM, 7);
    strbuf line = {0};
    for (int n = 0; n < 200 && !ss->g->ended; n++) {
        cmd c;
        if (policy_next(&p, ss->g, &c)) break;
        line.len = 0;
        cmd_format(&c, &line);
        if (session_apply(ss, line.s)) break;
    }
    sb_free(&line);
    session_free(ss);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/crfuzz-scenario-%ld", (long)getpid());
        mkdir(dir, 0700);
    }
    char path[128];
    snprintf(path, sizeof path, "%s/scenario.lua", dir);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    script_limits lim = {200000, 16u << 20};
    char err[8192];
    script *s = script_load(dir, &lim, err, sizeof err);
    if (s) {
        script_set_print(s, quiet, NULL);
        play(s);
        script_free(s);
    } else if (!err[0]) {
        fprintf(stderr, "refused without a message\n");
        abort();
    }
    return 0;
}
