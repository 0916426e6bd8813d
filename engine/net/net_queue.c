/*
 * net_queue.c -- the requests civetweb's threads queue for the owner, the
 * pipe that wakes it, and the waiter an HTTP handler sleeps on until the
 * owner answers.
 */
#include <poll.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "net_int.h"

uint64_t net_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* The queue ------------------------------------------------------------------------ */

net_req *net_req_new(net_req_kind kind, int slot)
{
    net_req *r = xcalloc(1, sizeof *r);
    r->kind = kind;
    r->slot = slot;
    return r;
}

void net_req_free(net_req *r)
{
    if (!r) return;
    if (r->conn) net_conn_unref(r->conn);
    if (r->wait) net_waiter_unref(r->wait);
    cJSON_Delete(r->sent);
    cJSON_Delete(r->answers);
    free(r->line);
    free(r);
}

void net_wake(net *n)
{
    /* write() is async-signal-safe; a full pipe already holds a wake-up. */
    ssize_t rc = write(n->wake_fd[1], "w", 1);
    (void)rc;
}

void net_set_waker(net *n, void (*fn)(void *ud), void *ud)
{
    pthread_mutex_lock(&n->qlock);
    n->waker = fn;
    n->waker_ud = ud;
    pthread_mutex_unlock(&n->qlock);
}

int net_req_push(net *n, net_req *r)
{
    pthread_mutex_lock(&n->qlock);
    if (n->stopping) {
        pthread_mutex_unlock(&n->qlock);
        net_req_free(r);
        return -1;
    }
    if (n->qtail)
        n->qtail->next = r;
    else
        n->qhead = r;
    n->qtail = r;
    void (*fn)(void *) = n->waker;
    void *ud = n->waker_ud;
    pthread_mutex_unlock(&n->qlock);
    net_wake(n);
    if (fn) fn(ud);
    return 0;
}

net_waiter *net_waiter_new(void)
{
    net_waiter *w = xcalloc(1, sizeof *w);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->cv, NULL);
    atomic_init(&w->refs, 1);
    return w;
}

void net_waiter_unref(net_waiter *w)
{
    if (!w || atomic_fetch_sub(&w->refs, 1) != 1) return;
    net_msg_unref(w->answer);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->cv);
    free(w);
}

void net_waiter_answer(net_waiter *w, int status, net_msg *m)
{
    pthread_mutex_lock(&w->lock);
    if (!w->done) {
        w->done = 1;
        w->status = status;
        w->answer = net_msg_ref(m);
        pthread_cond_signal(&w->cv);
    }
    pthread_mutex_unlock(&w->lock);
}

void net_wait(net *n, int ms)
{
    struct pollfd p = {n->wake_fd[0], POLLIN, 0};
    pthread_mutex_lock(&n->qlock);
    int queued = n->qhead != NULL;
    pthread_mutex_unlock(&n->qlock);
    if (!queued) poll(&p, 1, ms);
}

void net_drain_wakes(net *n)
{
    char buf[256];
    while (read(n->wake_fd[0], buf, sizeof buf) > 0) continue;
}
