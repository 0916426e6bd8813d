/*
 * test_conn.c -- a connection's policies without a socket (engine/net,
 * net_conn.c): a client that falls too far behind is told bye and closed,
 * never dropped without a word; the rate's strikes are forgiven only by a
 * full bucket, so when a flood is dropped depends on what it sent, not on
 * how the threads were scheduled.
 */
#include <string.h>

#include "../check.h"
#include "net_int.h"

/* One message too many for a client that reads too slowly. */
static void test_slow(void)
{
    net_conn *c = net_conn_new(NULL, NULL, 0);
    net_msg *m = net_msg_new("{}", 2);
    for (int i = 0; i < NET_OUTQ_MAX; i++) net_conn_send(c, m);
    CHECK_EQ_INT(c->qlen, NET_OUTQ_MAX);
    CHECK(c->bye_code == NULL);
    net_conn_send(c, m);
    CHECK_EQ_STR(c->bye_code, "slow");
    CHECK_EQ_INT(c->bye_status, 1008);
    CHECK_EQ_INT(c->qlen, 0);
    CHECK_MSG(!c->dead, "the sender may still say bye and send the close frame");
    CHECK_EQ_INT(net_conn_ending(c, 0), 1); /* read on until the bye went out */
    CHECK_EQ_INT(net_conn_ending(c, 1), 0); /* the client's close frame ends it */
    net_conn_send(c, m);
    CHECK_EQ_INT(c->qlen, 0); /* nothing goes out after the bye */
    CHECK_EQ_INT(atomic_load(&m->refs), 1);
    net_msg_unref(m);
    net_conn_unref(c);
}

/* Pretends the last message came ms milliseconds ago. */
static void ago(net_conn *c, long ms)
{
    c->last_ns -= (uint64_t)ms * 1000000u;
}

static void test_rate(void)
{
    net_conn *c = net_conn_new(NULL, NULL, 0);
    int taken = 0;
    for (int i = 0; i < NET_RATE_BURST + 5; i++) taken += net_conn_rate(c);
    CHECK_EQ_INT(taken, NET_RATE_BURST); /* a burst, then refused */
    c->strikes = 5;
    ago(c, 1000 / NET_RATE + 1);
    CHECK_EQ_INT(net_conn_rate(c), 1); /* a token came back */
    CHECK_MSG(c->strikes == 5, "one message let through keeps the strikes: %d", c->strikes);
    CHECK_EQ_INT(net_conn_rate(c), 0);
    ago(c, 1000 * NET_RATE_BURST / NET_RATE + 1);
    CHECK_EQ_INT(net_conn_rate(c), 1);
    CHECK_MSG(c->strikes == 0, "a full bucket forgives the strikes: %d", c->strikes);
    net_conn_unref(c);
}

int main(void)
{
    test_slow();
    test_rate();
    return check_report("net_conn");
}
