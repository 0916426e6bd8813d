/*
 * host.c -- `crisisroom host`: the game with its server (engine/net), every
 * team on its own devices. With --headless a loop without a window serves
 * it until SIGINT or SIGTERM; otherwise the window is the projector's view
 * and the facilitator's console, wired to the server through ui.h's
 * ui_host (the window never includes the server's headers).
 */
#include <arpa/inet.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "datadir.h"
#include "net.h"
#include "util.h"
#ifdef CR_HAVE_UI
#include "ui.h"
#endif

static int check_ipv4(const char *v)
{
    struct in_addr a;
    return inet_pton(AF_INET, v, &a) == 1 ? 0 : -1;
}

enum {
    H_PORT,
    H_BIND,
    H_CODES,
    H_HEADLESS,
    H_SEED,
    H_VARIANT,
    H_SESSION,
    H_SAVE,
    H_CONSOLE,
    H_TIMER,
    H_CLOSES,
    H_TLS,
    H_LANG,
    H_NOPTS
};
// clang-format off
static const opt_spec host_opts[H_NOPTS] = {
    [H_PORT] = OPTION_INT("port", "N", "the port (default 8080, or the save's; 0: any free one)", 0, 65535),
    [H_BIND] = OPTION_CUSTOM("bind", "ADDR", "listen on one IPv4 address only (default: every one)",
                             check_ipv4, "an IPv4 address, e.g. 127.0.0.1"),
    [H_CODES] = OPTION_FILE("codes", "FILE", "write the address and the join codes to FILE (JSON)"),
    [H_HEADLESS] = OPTION_FLAG("headless", "no window: serve until SIGINT or SIGTERM"),
    [H_SEED] = OPTION_SEED("seed", "N", "a new game's seed (default: from the clock)"),
    [H_VARIANT] = OPTION_STRING("variant", "ID|random", "the hidden truth, or one drawn by the seed"),
    [H_SESSION] = OPTION_STRING("session", "ID", "a new game plays one of the scenario's sessions (default: every turn)"),
    [H_SAVE] = OPTION_FILE("save", "FILE", "journal a new game to FILE (default: the saves folder)"),
    [H_CONSOLE] = OPTION_FLAG("console", "the facilitator's console in a second window"),
    [H_TIMER] = OPTION_INT("timer", "MIN", "a countdown for every turn, on every device (0: none)", 0, 240),
    [H_CLOSES] = OPTION_FLAG("timer-closes", "at zero the turn closes; open decisions take their defaults"),
    [H_TLS] = OPTION_FILE("tls-cert", "FILE", "serve https and wss with this PEM (key and certificate)"),
    [H_LANG] = OPTION_LANG,
};
// clang-format on
static const opt_cmd host_cmd = {
    "host",
    "SCENARIO|SAVE",
    1,
    1,
    "Host the game for a room: every team plays at once on its own phones and\n"
    "laptops, which join over the local network with a code (docs/protocol.md).\n"
    "SCENARIO starts a new game; SAVE goes on with one, with the same codes (kept\n"
    "beside it in SAVE.host.json, readable by you only) on the same port. The\n"
    "window shows what the whole room may see, and the facilitator's console\n"
    "(F9, or --console). The server listens on every interface unless --bind\n"
    "says otherwise; --tls-cert serves https (docs/running-an-exercise.md).\n",
    host_opts,
    H_NOPTS};

/* Starting or going on ------------------------------------------------------------ */

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A new game, journaled as `play` would (--save, else the saves folder),
   in which the teams move at once. */
static session *new_game(const char *target, const opt_val *v, script **scr)
{
    cli_opts o = {.scenario = target,
                  .save = v[H_SAVE].str,
                  .variant = v[H_VARIANT].str,
                  .session = v[H_SESSION].str,
                  .seed = v[H_SEED].u,
                  .have_seed = v[H_SEED].given};
    *scr = cli_load(target);
    if (!*scr) return NULL;
    session *s = cli_new_session(*scr, &o, 1);
    if (!s) {
        script_free(*scr);
        return NULL;
    }
    session_set_simultaneous(s, 1);
    /* The journal's header was written before the mode was chosen: again. */
    if (s->j) {
        char path[PATH_MAX];
        str_fmt(path, sizeof path, "%s", s->j->path);
        if (session_save_to(s, path)) fprintf(stderr, "crisisroom host: %s\n", s->err);
    }
    return s;
}

static session *open_game(const char *target, const opt_val *v, script **scr)
{
    if (!is_file(target)) return new_game(target, v, scr);
    if (v[H_SEED].given || v[H_VARIANT].given || v[H_SESSION].given || v[H_SAVE].given)
        fprintf(stderr,
                "crisisroom host: --seed, --variant, --session and --save are for a new game; '%s' "
                "goes on as it was\n",
                target);
    session *s = cli_resume(target, scr);
    if (s && !s->g->simultaneous)
        fprintf(stderr,
                "crisisroom host: '%s' was played hot-seat: the teams move one after "
                "another, as they did\n",
                target);
    return s;
}

/* The server's settings: the host file beside the save (none when not
   saving: the codes would not outlive the process anyway), the pages. */
static net_config config_of(const opt_val *v, const session *s, char *host_file, size_t hsize,
                            char *web, size_t wsize)
{
    if (s->j) str_fmt(host_file, hsize, "%s.host.json", s->j->path);
    int have_web = datadir_find(DATADIR_WEB, web, wsize) == 0;
    net_config cfg = {.bind = v[H_BIND].str,
                      .port = v[H_PORT].given ? (int)v[H_PORT].i : -1,
                      .tls_cert = v[H_TLS].str,
                      .host_file = host_file[0] ? host_file : NULL,
                      .codes_file = v[H_CODES].str,
                      .web_dir = have_web ? web : NULL,
                      .timer_min = (int)v[H_TIMER].i,
                      .timer_closes = v[H_CLOSES].given};
    return cfg;
}

static void print_room(net *n, const session *s)
{
    printf("crisisroom host: %s (%s), %s\n", s->sc->title, s->sc->id,
           s->g->simultaneous ? "every team moves at once" : "hot-seat");
    if (s->j)
        printf("  saving to %s (codes beside it, in %s.host.json)\n", s->j->path, s->j->path);
    else
        printf("  NOT SAVING: the game and its codes live in memory only\n");
    printf("  join at   %s\n", net_url(n));
    for (int i = 0; i < net_slot_count(n); i++) {
        net_slot_info si;
        net_slot(n, i, &si);
        printf("  %-28.28s %s  %s\n", si.name, si.code, si.url);
    }
    printf("Ctrl-C stops the host; the game is saved as it goes.\n");
    fflush(stdout);
}

/* The headless loop --------------------------------------------------------------- */

static net *signalled_net;
static volatile sig_atomic_t stop_asked;

static void on_signal(int sig)
{
    (void)sig;
    stop_asked = 1;
    if (signalled_net) net_wake(signalled_net); /* async-signal-safe */
}

static void serve(net *n, session *s)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    signalled_net = n;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    while (!stop_asked) {
        net_poll(n, s);
        if (!stop_asked) net_wait(n, net_wait_ms(n));
    }
    signalled_net = NULL;
}

/* The window, through ui.h's hooks ------------------------------------------------- */

#ifdef CR_HAVE_UI
static int hook_poll(void *ud, struct session *s)
{
    return net_poll(ud, s);
}
static int hook_wait_ms(void *ud)
{
    return net_wait_ms(ud);
}
static void hook_waker(void *ud, void (*fn)(void *), void *arg)
{
    net_set_waker(ud, fn, arg);
}
static const char *hook_url(void *ud)
{
    return net_url(ud);
}
static int hook_slots(void *ud)
{
    return net_slot_count(ud);
}
static int hook_join(void *ud, int slot, ui_join *out)
{
    net_slot_info si;
    if (net_slot(ud, slot, &si)) return -1;
    memset(out, 0, sizeof *out);
    str_fmt(out->name, sizeof out->name, "%s", si.name);
    str_fmt(out->id, sizeof out->id, "%s", si.id);
    str_fmt(out->code, sizeof out->code, "%s", si.code);
    str_fmt(out->url, sizeof out->url, "%s", si.url);
    str_fmt(out->names, sizeof out->names, "%s", si.names);
    out->joined = si.joined, out->online = si.online;
    return 0;
}
static int hook_revoke(void *ud, int slot, char *err, size_t errlen)
{
    return net_revoke(ud, slot, err, errlen);
}
static void hook_timer(void *ud, int minutes, int closes)
{
    net_set_timer(ud, minutes * 60000, closes);
}
static void hook_timer_get(void *ud, int *length, int *left, int *running)
{
    net_timer_get(ud, length, left, running);
}
static void hook_hold(void *ud, int on)
{
    net_set_hold(ud, on);
}

static int window(net *n, script *scr, session *s, int console)
{
    ui_host h = {n,         hook_poll,   hook_wait_ms, hook_waker,     hook_url, hook_slots,
                 hook_join, hook_revoke, hook_timer,   hook_timer_get, hook_hold};
    char save[PATH_MAX] = "";
    if (s->j) str_fmt(save, sizeof save, "%s", s->j->path);
    return ui_host_window(&h, scr, s, save, console);
}
#endif

int cli_host(int argc, char **argv)
{
    opt_val v[H_NOPTS];
    opt_args a;
    int status = cli_options(&host_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
#ifndef CR_HAVE_UI
    if (!v[H_HEADLESS].given) {
        fprintf(stderr, "crisisroom host: built without the window; serving --headless\n");
        v[H_HEADLESS].given = 1;
    }
#endif
    script *scr = NULL;
    session *s = open_game(a.v[0], v, &scr);
    if (!s) return 1;
    char host_file[PATH_MAX + 16] = "", web[PATH_MAX] = "", err[8192];
    net_config cfg = config_of(v, s, host_file, sizeof host_file, web, sizeof web);
    net *n = net_start(&cfg, s, err, sizeof err);
    if (!n) {
        fprintf(stderr, "crisisroom host: %s\n", err);
        session_free(s), script_free(scr);
        return 1;
    }
    print_room(n, s);
    int rc = 0;
#ifdef CR_HAVE_UI
    if (!v[H_HEADLESS].given) {
        rc = window(n, scr, s, v[H_CONSOLE].given); /* the window frees s and scr */
        net_stop(n);
        return rc;
    }
#endif
    serve(n, s);
    net_stop(n);
    if (session_not_saving(s) && s->j) {
        fprintf(stderr, "crisisroom host: %s\n", s->j->err);
        rc = 1;
    }
    session_free(s);
    script_free(scr);
    return rc;
}
