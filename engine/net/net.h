/*
 * net.h -- the room over the network (`crisisroom host`): an HTTP and
 * WebSocket server on civetweb through which every team plays on its own
 * devices. docs/protocol.md is the contract with the pages.
 *
 * Threads. civetweb's threads answer requests but never touch the game:
 * they check the code, the size and the rate of what comes in, and put it
 * on a locked queue. The owner of the session (the window's loop, or the
 * headless loop of engine/cli) calls net_poll(), which applies what is
 * queued through session_apply_as() (the one entry point) with its
 * provenance, then makes each viewer's state once per change (one per team,
 * the observers', the facilitator's: view.h decides what each holds) and
 * hands it to every connection of that kind. Each connection has a bounded
 * queue and a sender thread of its own, so a client that does not read
 * delays nobody: it is dropped and the game goes on.
 *
 * Codes come from getrandom(), never from the game's generator. With a
 * host file (beside the save, mode 0600) the codes and the participants
 * survive a restart; the sequence numbers of applied commands come back
 * from the journal.
 */
#ifndef CR_NET_H
#define CR_NET_H

#include <stddef.h>

#include "session.h"

typedef struct net net;

/* The port when neither --port nor the host file says: what people type
   after the address. */
#define NET_DEFAULT_PORT 8080

typedef struct net_config {
    const char *bind; /* an IPv4 address to listen on; NULL: every interface */
    /* 0: any free port (net_url says which); -1: the one the host file kept
       (a restart listens where the devices knock), else NET_DEFAULT_PORT */
    int port;
    const char *tls_cert;   /* PEM with the key and the certificate: https and wss; NULL none */
    const char *host_file;  /* codes and participants, kept; NULL: new codes, kept nowhere */
    const char *codes_file; /* --codes FILE (rewritten after a revoke); NULL none */
    const char *web_dir;    /* assets/web; NULL: the built-in pages only */
    int timer_min;          /* a countdown per turn (0: none) */
    int timer_closes;       /* at zero the turn closes, open decisions take their defaults */
} net_config;

/* Start serving session s's game. NULL with err (a port taken, a bad
   address, an unreadable host file, no randomness from the OS). */
net *net_start(const net_config *cfg, session *s, char *err, size_t errlen);
/* Tell every client the host is stopping, close them, stop the threads. */
void net_stop(net *n);

/* The owner's turn: apply what came in, run the timer, publish changes.
   s is the session as it is now (a hot reload may have replaced it).
   Returns 1 when the game or the room changed. */
int net_poll(net *n, session *s);
/* Milliseconds until net_poll must run again without any request (the
   timer reaching zero), -1 when nothing is due. */
int net_wait_ms(net *n);
/* Sleep until a request is queued, net_wake is called, or ms pass (ms < 0:
   no limit). For a loop that has nothing else to wait on. */
void net_wait(net *n, int ms);
/* Wake net_wait; async-signal-safe (a SIGTERM handler may call it). */
void net_wake(net *n);
/* Called (from civetweb's threads) whenever a request is queued: the
   window pushes itself an event. */
void net_set_waker(net *n, void (*fn)(void *ud), void *ud);

/* The address to use from the room: http://ADDR:PORT/ with the machine's
   LAN address when listening on every interface. */
const char *net_url(const net *n);

/* The join slots: every team (in the scenario's order), then the
   observers, then the facilitator. */
int net_slot_count(const net *n);
typedef struct net_slot_info {
    char name[128];  /* the team's name, "Observers", "Facilitator" */
    char id[64];     /* the role's id, "observer", "facilitator" */
    char code[32];   /* as people type it: XXXX-XXXX-XXXX-XXXX */
    char url[256];   /* URL/join/CODE */
    int joined;      /* participants who have joined with the code */
    int online;      /* connections open now */
    char names[512]; /* the participants' names, ", " between them ("" none) */
} net_slot_info;
/* 0, or -1 for a slot out of range. Owner's thread. */
int net_slot(net *n, int slot, net_slot_info *out);
/* A new code for the slot; every connection made with the old one is
   closed. 0, or -1 with err. Owner's thread. */
int net_revoke(net *n, int slot, char *err, size_t errlen);
/* The move timer for every device (the turn's, when teams move at once):
   its length in ms (0 off); closes 1: the turn closes at zero, 0 not, -1
   as before. It is the game's timer (movetimer.h): the next net_poll
   journals it as the facilitator's `timer` command, so that a restart
   restores it. Owner's thread. */
void net_set_timer(net *n, int ms, int closes);
/* How it stands: its length and the ms left (0 and 0 when there is none),
   and whether it runs now. */
void net_timer_get(net *n, int *length_ms, int *left_ms, int *running);
/* The projector's hold (docs/protocol.md, "hold"): every state says it, so
   the pages can show the card too; the timer waits meanwhile. Owner's
   thread. */
void net_set_hold(net *n, int on);

#endif
