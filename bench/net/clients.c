/*
 * clients.c -- the load of bench/net/run: many WebSocket clients of one
 * `crisisroom host` on loopback, on civetweb's own client API (each client
 * is a civetweb connection with its reader thread). The facilitator sends a
 * command (POST /api/command), waits until every client has a state at
 * least as new as the one its answer names, and so on; the figures are
 * printed.
 *
 *   clients CODES.json PID TEAM_CLIENTS OBSERVERS ROUNDS
 *
 * Latency is measured from the moment the command is sent to the
 * moment a client's reader thread has the new state, on one monotonic
 * clock: it includes the command's trip, its application (and the
 * journal's fsync), the serialising of every view and the fan-out.
 */
#define _GNU_SOURCE /* memmem */
#include <cjson/cJSON.h>
#include <civetweb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_CLIENTS 512
#define MAX_ROUNDS  1000

typedef struct client {
    struct mg_connection *c;
    atomic_long rev;       /* the newest state's rev */
    double at[MAX_ROUNDS]; /* when it first had round r's rev */
    int joined;
} client;

static client clients[MAX_CLIENTS + 1];
static int nclients;
static atomic_int round_now;
static long target_rev = -1;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* "rev" is near the start of a state: no need to parse 50 KB to find it. */
static long rev_of(const char *data, size_t len)
{
    const char *p = memmem(data, len < 200 ? len : 200, "\"rev\":", 6);
    return p ? atol(p + 6) : -1;
}

static int on_data(struct mg_connection *c, int bits, char *data, size_t len, void *ud)
{
    (void)c;
    client *cl = ud;
    if ((bits & 0x0f) != MG_WEBSOCKET_OPCODE_TEXT) return 1;
    static const char state[] = "{\"v\":1,\"type\":\"state\"";
    if (len > sizeof state && !memcmp(data, state, sizeof state - 1)) {
        long rev = rev_of(data, len);
        atomic_store(&cl->rev, rev);
        cl->joined = 1;
        pthread_mutex_lock(&lock);
        int r = atomic_load(&round_now);
        if (target_rev >= 0 && rev >= target_rev && cl->at[r] == 0) cl->at[r] = now_ms();
        pthread_mutex_unlock(&lock);
    }
    return 1;
}

static void on_close(const struct mg_connection *c, void *ud)
{
    (void)c, (void)ud;
}

static int join(client *cl, const char *host, int port, const char *code, const char *name)
{
    char err[256], path[128], hello[128];
    snprintf(path, sizeof path, "/ws?code=%s", code);
    cl->c = mg_connect_websocket_client(host, port, 0, err, sizeof err, path, NULL, on_data,
                                        on_close, cl);
    if (!cl->c) {
        fprintf(stderr, "clients: cannot connect: %s\n", err);
        return -1;
    }
    snprintf(hello, sizeof hello, "{\"v\":1,\"type\":\"hello\",\"name\":\"%s\"}", name);
    return mg_websocket_client_write(cl->c, MG_WEBSOCKET_OPCODE_TEXT, hello, strlen(hello)) > 0
               ? 0
               : -1;
}

/* /proc: CPU ticks (user + system) and resident kB of the server. */
static long ticks_of(int pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    long ut = 0, st = 0;
    if (f) {
        /* the fields after the command name, which may hold spaces */
        char buf[2048];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        char *p = strrchr(buf, ')');
        if (p) sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld", &ut, &st);
        fclose(f);
    }
    return ut + st;
}

static long rss_kb(int pid)
{
    char path[64], line[256];
    long kb = 0;
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6)) kb = atol(line + 6);
    if (f) fclose(f);
    return kb;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    int k = (int)(p * (n - 1) + 0.5);
    return n ? v[k] : 0;
}

static int all_joined(void)
{
    for (int i = 0; i < nclients; i++)
        if (!clients[i].joined) return 0;
    return 1;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: clients CODES.json PID TEAM_CLIENTS OBSERVERS ROUNDS\n");
        return 2;
    }
    int pid = atoi(argv[2]), per_team = atoi(argv[3]), observers = atoi(argv[4]);
    int rounds = atoi(argv[5]);
    if (rounds > MAX_ROUNDS) rounds = MAX_ROUNDS;
    FILE *f = fopen(argv[1], "r");
    static char text[65536];
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f) fclose(f);
    text[n] = '\0';
    cJSON *codes = cJSON_Parse(text);
    const char *url = cJSON_GetObjectItem(codes, "url")->valuestring;
    char host[64];
    int port;
    sscanf(url, "http://%63[^:]:%d", host, &port);
    mg_init_library(0);
    long hz = sysconf(_SC_CLK_TCK), rss0 = rss_kb(pid);
    cJSON *teams = cJSON_GetObjectItem(codes, "teams"), *t;
    cJSON_ArrayForEach(t, teams) for (int i = 0; i < per_team && nclients < MAX_CLIENTS;
                                      i++) if (join(&clients[nclients++], host, port,
                                                    t->valuestring, "bench")) return 1;
    for (int i = 0; i < observers && nclients < MAX_CLIENTS; i++)
        if (join(&clients[nclients++], host, port,
                 cJSON_GetObjectItem(codes, "observer")->valuestring, "bench"))
            return 1;
    for (double t0 = now_ms(); !all_joined() && now_ms() - t0 < 30000;) sleep_ms(20);
    sleep_ms(1500); /* the joins' own states settle */
    long rss1 = rss_kb(pid);
    long i0 = ticks_of(pid);
    sleep_ms(10000);
    long i1 = ticks_of(pid);

    static double all[MAX_ROUNDS], each[MAX_ROUNDS * MAX_CLIENTS];
    int nall = 0, neach = 0, lost = 0;
    long b0 = ticks_of(pid);
    double busy0 = now_ms();
    const char *fcode = cJSON_GetObjectItem(codes, "facilitator")->valuestring;
    for (int r = 0; r < rounds; r++) {
        pthread_mutex_lock(&lock);
        atomic_store(&round_now, r);
        target_rev = -1;
        pthread_mutex_unlock(&lock);
        /* The command over HTTP: the request is one write. (civetweb's client
           writes a frame's header and payload apart, without TCP_NODELAY,
           and Nagle would add the server's delayed ACK, 40 ms, to every
           command: a client's artefact, not the server's.) */
        char body[64], err[256];
        snprintf(body, sizeof body, "note round %d", r);
        double t0 = now_ms();
        struct mg_connection *h = mg_download(
            host, port, 0, err, sizeof err,
            "POST /api/command?code=%s HTTP/1.1\r\nHost: %s:%d\r\nContent-Length: %zu\r\n"
            "Connection: close\r\n\r\n%s",
            fcode, host, port, strlen(body), body);
        char answer[512] = "";
        int got = h ? mg_read(h, answer, sizeof answer - 1) : -1;
        if (h) mg_close_connection(h);
        answer[got > 0 ? got : 0] = '\0';
        const char *rv = strstr(answer, "\"rev\":");
        if (!rv) {
            fprintf(stderr, "clients: the command was not taken: %s %s\n", err, answer);
            return 1;
        }
        pthread_mutex_lock(&lock);
        target_rev = atol(rv + 6);
        for (int i = 0; i < nclients; i++) /* those that had it already */
            if (atomic_load(&clients[i].rev) >= target_rev && !clients[i].at[r])
                clients[i].at[r] = now_ms();
        pthread_mutex_unlock(&lock);
        double last = 0;
        int missing = 1;
        while (missing && now_ms() - t0 < 5000) {
            missing = 0;
            pthread_mutex_lock(&lock);
            for (int i = 0; i < nclients; i++) missing |= clients[i].at[r] == 0;
            pthread_mutex_unlock(&lock);
            if (missing) sleep_ms(1);
        }
        for (int i = 0; i < nclients; i++) {
            if (!clients[i].at[r]) {
                lost++;
                continue;
            }
            double d = clients[i].at[r] - t0;
            each[neach++] = d;
            if (d > last) last = d;
        }
        all[nall++] = last;
        sleep_ms(200); /* a busy room: five changes a second */
    }
    long b1 = ticks_of(pid);
    double busy = (now_ms() - busy0) / 1000;
    long rss2 = rss_kb(pid);
    printf("clients                                      %d (%d a team, %d observers)\n", nclients,
           per_team, observers);
    printf("command -> every client has it, p50 (ms)     %.1f\n", pct(all, nall, 0.50));
    printf("command -> every client has it, p99 (ms)     %.1f\n", pct(all, nall, 0.99));
    printf("command -> one client has it, p50 / p99 (ms) %.1f / %.1f\n", pct(each, neach, 0.5),
           pct(each, neach, 0.99));
    printf("deliveries missing after 5 s                 %d of %d\n", lost, nall * nclients);
    printf("server CPU, idle 10 s (%% of one core)        %.2f\n", 100.0 * (i1 - i0) / (hz * 10.0));
    printf("server CPU, %d changes in %.1f s (%% of one core) %.1f\n", rounds, busy,
           100.0 * (b1 - b0) / (hz * busy));
    printf("server memory, before clients (MiB)          %.1f\n", rss0 / 1024.0);
    printf("server memory per client, joined (KiB)       %.1f\n", (rss1 - rss0) / (double)nclients);
    printf("server memory per client, after the rounds (KiB) %.1f\n",
           (rss2 - rss0) / (double)nclients);
    for (int i = 0; i < nclients; i++) mg_close_connection(clients[i].c);
    cJSON_Delete(codes);
    return 0;
}
