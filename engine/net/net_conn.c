/*
 * net_conn.c -- messages, and a WebSocket connection's outbound side: a
 * bounded queue and a sender thread of its own, so that a client that does
 * not read blocks only its own thread (civetweb's write waits at most
 * NET_IO_TIMEOUT_MS) and is then dropped while the game goes on.
 */
#include <civetweb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "net_int.h"

/* Messages ------------------------------------------------------------------ */

net_msg *net_msg_new(const char *text, size_t len)
{
    net_msg *m = xmalloc(sizeof *m + len + 1);
    atomic_init(&m->refs, 1);
    m->len = len;
    memcpy(m->data, text, len);
    m->data[len] = '\0';
    return m;
}

net_msg *net_msg_json(cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s) return net_msg_new("{}", 2); /* out of memory inside cJSON */
    size_t len = strlen(s);
    if (!net_utf8_ok((const unsigned char *)s, len)) { /* a scenario's text, say */
        char *fixed = net_utf8_fix(s, len, &len);
        free(s);
        s = fixed;
    }
    net_msg *m = net_msg_new(s, len);
    free(s);
    return m;
}

net_msg *net_msg_ref(net_msg *m)
{
    if (m) atomic_fetch_add(&m->refs, 1);
    return m;
}

void net_msg_unref(net_msg *m)
{
    if (m && atomic_fetch_sub(&m->refs, 1) == 1) free(m);
}

cJSON *net_obj(const char *type)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "v", 1);
    cJSON_AddStringToObject(o, "type", type);
    return o;
}

net_msg *net_msg_error(const char *type, const char *code, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    cJSON *o = net_obj(type);
    cJSON_AddStringToObject(o, "code", code);
    cJSON_AddStringToObject(o, "error", text);
    return net_msg_json(o);
}

/* Connections ---------------------------------------------------------------- */

net_conn *net_conn_new(net *n, struct mg_connection *mg, int slot)
{
    net_conn *c = xcalloc(1, sizeof *c);
    c->n = n;
    c->mg = mg;
    c->slot = slot;
    c->part = -1;
    atomic_init(&c->refs, 1);
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->cv, NULL);
    c->tokens = NET_RATE_BURST;
    return c;
}

net_conn *net_conn_ref(net_conn *c)
{
    atomic_fetch_add(&c->refs, 1);
    return c;
}

static void drop_queue(net_conn *c)
{
    for (; c->qlen; c->qlen--, c->qhead = (c->qhead + 1) % NET_OUTQ_MAX)
        net_msg_unref(c->q[c->qhead]);
    net_msg_unref(c->state);
    c->state = NULL;
}

void net_conn_unref(net_conn *c)
{
    if (!c || atomic_fetch_sub(&c->refs, 1) != 1) return;
    drop_queue(c);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->cv);
    free(c);
}

/* The next message, or NULL once the sender must stop (closed, dropped,
   or everything queued before a bye is sent); takes c->lock. */
static net_msg *next_msg(net_conn *c)
{
    net_msg *m = NULL;
    pthread_mutex_lock(&c->lock);
    while (!c->closing && !c->qlen && !c->state && !c->bye_code)
        pthread_cond_wait(&c->cv, &c->lock);
    if (!c->closing && c->qlen) {
        m = c->q[c->qhead];
        c->qhead = (c->qhead + 1) % NET_OUTQ_MAX;
        c->qlen--;
    } else if (!c->closing) {
        m = c->state;
        c->state = NULL;
    }
    pthread_mutex_unlock(&c->lock);
    return m;
}

/* The last words of a connection that is being closed: bye, then the
   WebSocket's close frame. Only while the client still reads. */
static void say_bye(net_conn *c)
{
    pthread_mutex_lock(&c->lock);
    int say = c->bye_code && !c->dead;
    pthread_mutex_unlock(&c->lock);
    if (!say) return;
    net_msg *m = net_msg_error("bye", c->bye_code, "%s",
                               !strcmp(c->bye_code, "revoked")    ? "this code was revoked"
                               : !strcmp(c->bye_code, "stopping") ? "the host is stopping"
                               : !strcmp(c->bye_code, "slow")     ? "this link reads too slowly"
                                                                  : "the server closes this link");
    if (mg_websocket_write(c->mg, MG_WEBSOCKET_OPCODE_TEXT, m->data, m->len) > 0)
        net_conn_close_frame(c, c->mg, c->bye_status);
    net_msg_unref(m);
}

void net_conn_close_frame(net_conn *c, struct mg_connection *mg, int status)
{
    unsigned char st[2] = {(unsigned char)(status >> 8), (unsigned char)status};
    int ok = mg_websocket_write(mg, MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE, (const char *)st, 2) > 0;
    pthread_mutex_lock(&c->lock);
    if (ok) c->bye_sent_ms = net_now_ms();
    c->dead |= !ok;
    pthread_mutex_unlock(&c->lock);
}

int net_conn_ending(net_conn *c, int closing_frame)
{
    pthread_mutex_lock(&c->lock);
    int dead = c->dead, ending = c->closing || c->bye_code;
    uint64_t sent = c->bye_sent_ms;
    pthread_mutex_unlock(&c->lock);
    if (!ending) return -1;
    if (dead || closing_frame) return 0;
    return !sent || net_now_ms() - sent < NET_CLOSE_GRACE_MS;
}

static void *sender(void *arg)
{
    net_conn *c = arg;
    for (net_msg *m; (m = next_msg(c)) != NULL;) {
        int rc = mg_websocket_write(c->mg, MG_WEBSOCKET_OPCODE_TEXT, m->data, m->len);
        net_msg_unref(m);
        if (rc <= 0) { /* gone, or did not read for NET_IO_TIMEOUT_MS */
            pthread_mutex_lock(&c->lock);
            c->dead = c->closing = 1;
            pthread_mutex_unlock(&c->lock);
        }
    }
    say_bye(c);
    return NULL;
}

int net_conn_start(net_conn *c)
{
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setstacksize(&at, NET_SENDER_STACK);
    int rc = pthread_create(&c->sender, &at, sender, c);
    pthread_attr_destroy(&at);
    c->has_sender = rc == 0;
    return rc == 0 ? 0 : -1;
}

void net_conn_send(net_conn *c, net_msg *m)
{
    pthread_mutex_lock(&c->lock);
    if (c->closing || c->bye_code) {
        /* closed or dropped: nothing more goes out */
    } else if (c->qlen == NET_OUTQ_MAX) {
        /* It reads too slowly: what waits is dropped, and the sender says
           bye and closes (if the client reads at all, it learns why). */
        drop_queue(c);
        c->bye_code = "slow", c->bye_status = 1008;
    } else {
        c->q[(c->qhead + c->qlen++) % NET_OUTQ_MAX] = net_msg_ref(m);
    }
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->lock);
}

void net_conn_state(net_conn *c, net_msg *m)
{
    pthread_mutex_lock(&c->lock);
    if (!c->closing && !c->bye_code) {
        net_msg_unref(c->state);
        c->state = net_msg_ref(m);
        pthread_cond_signal(&c->cv);
    }
    pthread_mutex_unlock(&c->lock);
}

void net_conn_bye(net_conn *c, const char *code, int status)
{
    pthread_mutex_lock(&c->lock);
    /* The sender empties its queue first, then says bye and stops; nothing
       queued after this goes out. */
    if (!c->bye_code && !c->closing) c->bye_code = code, c->bye_status = status;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->lock);
}

void net_conn_quiet(net_conn *c)
{
    pthread_mutex_lock(&c->lock);
    c->closing = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->lock);
    if (c->has_sender) pthread_join(c->sender, NULL);
    c->has_sender = 0;
}

void net_conn_closed(net_conn *c)
{
    pthread_mutex_lock(&c->lock);
    c->closing = 1;
    c->dead = 1; /* the client left (or civetweb ended it): nothing more to say */
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->lock);
    if (c->has_sender) pthread_join(c->sender, NULL);
    c->has_sender = 0;
    pthread_mutex_lock(&c->lock);
    c->mg = NULL;
    drop_queue(c);
    pthread_mutex_unlock(&c->lock);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int net_conn_rate(net_conn *c)
{
    uint64_t now = now_ns();
    if (c->last_ns) c->tokens += (double)(now - c->last_ns) * NET_RATE / 1e9;
    /* A full bucket forgives the strikes: the client kept to the rate long
       enough. One message let through in a flood (a token come back) does
       not, so when a flood is dropped depends on how much it sent, not on
       how the two sides were scheduled. */
    if (c->tokens >= NET_RATE_BURST) c->tokens = NET_RATE_BURST, c->strikes = 0;
    c->last_ns = now;
    if (c->tokens < 1) return 0;
    c->tokens -= 1;
    return 1;
}
