/*
 * net_server.c -- starting and stopping the server: civetweb's options
 * (every limit from net_limits.h), the address the room should use, and a
 * clean stop that tells every client first.
 */
#include <arpa/inet.h>
#include <civetweb.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "net_int.h"

/* A private IPv4 range (10/8, 172.16/12, 192.168/16): the classroom's LAN. */
static int is_private(uint32_t a)
{
    return (a >> 24) == 10 || (a >> 20) == (172u << 4 | 1) || (a >> 16) == (192u << 8 | 168);
}

/* The machine's address on the room's network: a private IPv4 address of an
   interface that is up, else any non-loopback one, else 127.0.0.1. */
static void lan_address(char *out, size_t size)
{
    struct ifaddrs *ifs = NULL;
    str_fmt(out, size, "127.0.0.1");
    if (getifaddrs(&ifs)) return;
    int best = 0;
    for (struct ifaddrs *i = ifs; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP) ||
            (i->ifa_flags & IFF_LOOPBACK))
            continue;
        struct in_addr in = ((struct sockaddr_in *)i->ifa_addr)->sin_addr;
        int rank = is_private(ntohl(in.s_addr)) ? 2 : 1;
        if (rank > best) {
            best = rank;
            inet_ntop(AF_INET, &in, out, (socklen_t)size);
        }
    }
    freeifaddrs(ifs);
}

static int quiet(const struct mg_connection *c, const char *msg)
{
    (void)c, (void)msg;
    return 1; /* civetweb's own log: nothing on the facilitator's terminal */
}

/* civetweb's TLS, asked for: it loads OpenSSL when the library starts, and
   a server given a certificate without it would fail at the first request. */
static int tls_ready(const char *cert, char *err, size_t errlen)
{
    FILE *f = fopen(cert, "r");
    if (!f) {
        str_fmt(err, errlen, "--tls-cert %s: %s", cert, strerror(errno));
        return -1;
    }
    fclose(f);
    if (mg_init_library(MG_FEATURES_TLS) & MG_FEATURES_TLS) return 0;
    mg_exit_library();
    str_fmt(err, errlen,
            "TLS is not available: civetweb could not load OpenSSL at run time (it opens "
            "libssl.so and libcrypto.so, from libssl-dev, of the version it was built for); "
            "put a reverse proxy in front instead (docs/running-an-exercise.md, \"TLS through "
            "a reverse proxy\")");
    return -1;
}

/* The port: the one asked for, else the one the host file kept. */
static int port_of(const net *n, const net_config *cfg)
{
    if (cfg->port >= 0) return cfg->port;
    return n->saved_port > 0 ? n->saved_port : NET_DEFAULT_PORT;
}

static int start_civetweb(net *n, const net_config *cfg, char *err, size_t errlen)
{
    char ports[96], threads[16], io[16], ping[16];
    int all = !cfg->bind || !strcmp(cfg->bind, "0.0.0.0"), port = port_of(n, cfg);
    const char *s = n->tls ? "s" : ""; /* civetweb's mark of a TLS port */
    if (all)
        str_fmt(ports, sizeof ports, "%d%s", port, s);
    else
        str_fmt(ports, sizeof ports, "%s:%d%s", cfg->bind, port, s);
    str_fmt(threads, sizeof threads, "%d", NET_MAX_CLIENTS + NET_HTTP_THREADS);
    str_fmt(io, sizeof io, "%d", NET_IO_TIMEOUT_MS);
    str_fmt(ping, sizeof ping, "%d", NET_PING_MS);
    const char *opts[32] = {"listening_ports", ports, "num_threads", threads, "request_timeout_ms",
                            io, "websocket_timeout_ms", ping, "enable_websocket_ping_pong", "yes",
                            /* a frame's header and its payload are two writes: without
                               this, Nagle and the peer's delayed ACK hold the second
                               one back 40 ms */
                            "tcp_nodelay", "1",
                            /* no CORS: a page of another site may not read the API */
                            "access_control_allow_origin", "", "access_control_allow_methods", "",
                            /* pages and scripts are checked again at every load: a
                               restarted host may serve new ones (net_http.c) */
                            "static_file_cache_control", "no-cache"};
    if (n->tls) { /* TLS 1.2 and later */
        int k = 0;
        while (opts[k]) k++;
        opts[k++] = "ssl_certificate", opts[k++] = cfg->tls_cert;
        opts[k++] = "ssl_protocol_version", opts[k++] = "4";
    }
    struct mg_callbacks cb;
    memset(&cb, 0, sizeof cb);
    cb.log_message = quiet;
    struct mg_init_data init = {&cb, n, opts};
    char why[256] = "";
    unsigned code = 0;
    struct mg_error_data e = {&code, why, sizeof why};
    n->ctx = mg_start2(&init, &e);
    if (!n->ctx) {
        str_fmt(err, errlen, "cannot listen on %s: %s", ports, why[0] ? why : "civetweb refused");
        return -1;
    }
    struct mg_server_port sp[4];
    int np = mg_get_server_ports(n->ctx, 4, sp);
    char addr[64];
    if (all)
        lan_address(addr, sizeof addr);
    else
        str_fmt(addr, sizeof addr, "%s", cfg->bind);
    n->port = np > 0 ? sp[0].port : port;
    str_fmt(n->url, sizeof n->url, "%s://%s:%d/", n->tls ? "https" : "http", addr, n->port);
    return 0;
}

static void copy_path(char *dst, size_t size, const char *src)
{
    str_fmt(dst, size, "%s", src ? src : "");
}

net *net_start(const net_config *cfg, session *s, char *err, size_t errlen)
{
    if (cfg->tls_cert && tls_ready(cfg->tls_cert, err, errlen)) return NULL;
    if (!cfg->tls_cert) mg_init_library(0);
    net *n = xcalloc(1, sizeof *n);
    n->sc = s->sc;
    n->nslots = s->sc->nroles + 2;
    pthread_mutex_init(&n->lock, NULL);
    pthread_mutex_init(&n->qlock, NULL);
    if (pipe2(n->wake_fd, O_NONBLOCK | O_CLOEXEC)) {
        str_fmt(err, errlen, "cannot make a pipe for the server's wake-ups");
        free(n);
        return NULL;
    }
    copy_path(n->host_file, sizeof n->host_file, cfg->host_file);
    copy_path(n->codes_file, sizeof n->codes_file, cfg->codes_file);
    copy_path(n->web_dir, sizeof n->web_dir, cfg->web_dir);
    movetimer_init(&n->timer.mt);
    if (cfg->timer_min) /* else the save's own timer, if it has one */
        net_set_timer(n, cfg->timer_min * 60000, cfg->timer_closes);
    n->tls = cfg->tls_cert != NULL;
    if (net_room_open(n, s, err, errlen) || start_civetweb(n, cfg, err, errlen)) {
        net_stop(n);
        return NULL;
    }
    net_http_install(n);
    if (net_room_save(n, err, errlen) || net_codes_write(n, err, errlen)) {
        net_stop(n);
        return NULL;
    }
    return n;
}

/* Requests nobody will take: their HTTP handlers answer busy. */
static void fail_queued(net *n)
{
    pthread_mutex_lock(&n->qlock);
    n->stopping = 1;
    net_req *r = n->qhead;
    n->qhead = n->qtail = NULL;
    pthread_mutex_unlock(&n->qlock);
    net_msg *busy = net_msg_error("result", "busy", "the host is stopping");
    for (net_req *next; r; r = next) {
        next = r->next;
        if (r->wait) net_waiter_answer(r->wait, 503, busy);
        net_req_free(r);
    }
    net_msg_unref(busy);
}

static int open_conns(net *n)
{
    pthread_mutex_lock(&n->lock);
    int k = n->nconns;
    pthread_mutex_unlock(&n->lock);
    return k;
}

void net_stop(net *n)
{
    if (!n) return;
    fail_queued(n);
    if (n->ctx) {
        pthread_mutex_lock(&n->lock);
        for (net_conn *c = n->conns; c; c = c->next) net_conn_bye(c, "stopping", 1001);
        pthread_mutex_unlock(&n->lock);
        /* A moment for the byes to go out and the clients to close. */
        for (int i = 0; i < 50 && open_conns(n); i++) {
            struct timespec ts = {0, 10 * 1000000};
            nanosleep(&ts, NULL);
        }
        mg_stop(n->ctx);
    }
    fail_queued(n); /* what the close handlers queued meanwhile */
    mg_exit_library();
    for (int i = 0; i < n->nparts; i++) cJSON_Delete(n->parts[i].last_answer);
    free(n->parts);
    free(n->avail);
    free(n->why);
    close(n->wake_fd[0]);
    close(n->wake_fd[1]);
    pthread_mutex_destroy(&n->lock);
    pthread_mutex_destroy(&n->qlock);
    free(n);
}

const char *net_url(const net *n)
{
    return n->url;
}
