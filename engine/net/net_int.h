/*
 * net_int.h -- what the files of engine/net share; not for front ends.
 *
 *   net_code.c   codes and tokens: random bits from the OS, their written form
 *   net_room.c   slots, participants and leads; the host file beside the save
 *   net_view.c   a viewer's state as JSON, asked of view.h
 *   net_conn.c   messages, a WebSocket connection's queue and sender thread
 *   net_http.c   civetweb's handlers: HTTP, the WebSocket, static files
 *   net_queue.c  the request queue civetweb's threads fill, its wake-up pipe
 *   net_owner.c  the owner's side: requests answered, commands applied,
 *                publishing
 *   net_auth.c   who may act as whom: a team's command held to its own
 *   net_timer.c  the turn's timer on every device
 *   net_survey.c the hotwash survey: checked, made a journaled line
 *   net_server.c starting and stopping civetweb, the LAN address
 *
 * Locks: n->lock guards the slots' codes and counts and the list of
 * connections (civetweb's threads read them); n->qlock the request queue;
 * each connection's lock its outbound queue. Order: n->lock, then a
 * connection's. Participants are the owner's alone.
 */
#ifndef CR_NET_INT_H
#define CR_NET_INT_H

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "movetimer.h"
#include "net.h"
#include "net_limits.h"
#include "view.h"
#include "util.h"

struct mg_context;
struct mg_connection;

/* The protocol's version (docs/protocol.md): messages carry its major
   number as "v"; welcome says the whole. 1.1 added the survey. */
#define NET_PROTOCOL "1.1"

/* Codes and tokens ----------------------------------------------------------- */

#define NET_CODE_LEN  16 /* symbols of a code: 80 bits */
#define NET_TOKEN_LEN 26 /* symbols of a participant's token: 130 bits */

/* Random symbols from getrandom(); 0, or -1 when the OS gives none. */
int net_random_symbols(char *out, int n);
/* A code as typed ("k7qx m3pz-4hta 9wre") into its 16 symbols; -1 when it
   is not one. */
int net_code_norm(const char *in, char out[NET_CODE_LEN + 1]);
/* XXXX-XXXX-XXXX-XXXX */
void net_code_pretty(const char *code, char *out, size_t size);
/* Valid UTF-8 without NUL (a text frame that is not makes browsers drop
   the connection). */
int net_utf8_ok(const unsigned char *s, size_t n);
/* A copy with each byte sequence that is not UTF-8 made U+FFFD (*outlen). */
char *net_utf8_fix(const char *s, size_t n, size_t *outlen);
/* A display name: control characters dropped, cut at NET_NAME_MAX bytes
   between characters, no trailing blanks. */
void net_name_clean(const char *in, char out[NET_NAME_MAX + 1]);
/* Equal, in a time that does not depend on where they differ. */
int net_secret_eq(const char *a, const char *b, size_t n);

/* Messages ------------------------------------------------------------------ */

/* A message shared by every connection that sends it (refcounted). */
typedef struct net_msg {
    atomic_int refs;
    size_t len;
    char data[];
} net_msg;

net_msg *net_msg_new(const char *text, size_t len);
/* o printed unformatted, then deleted. */
net_msg *net_msg_json(cJSON *o);
net_msg *net_msg_ref(net_msg *m);
void net_msg_unref(net_msg *m);
/* {"v": 1, "type": type} to add to. */
cJSON *net_obj(const char *type);
/* {"v":1,"type":"error","code":...,"error":...} and the like. */
net_msg *net_msg_error(const char *type, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Connections ---------------------------------------------------------------- */

typedef struct net_conn {
    net *n;
    struct mg_connection *mg; /* civetweb's, valid until the close handler ends */
    int slot;
    int part; /* participant index once the owner took its hello, else -1 */
    atomic_int refs;
    pthread_mutex_t lock;
    pthread_cond_t cv;
    net_msg *q[NET_OUTQ_MAX]; /* FIFO: welcome, results, errors */
    int qhead, qlen;
    net_msg *state; /* the newest state not yet sent */
    int closing;    /* the sender stops (closed, or dropped) */
    int dead;       /* dropped: a write failed */
    const char *bye_code;
    int bye_status;       /* WebSocket close status to send with bye */
    uint64_t bye_sent_ms; /* when the close frame went out (net_now_ms), 0 not yet */
    pthread_t sender;
    int has_sender;
    /* civetweb's thread only: the rate bucket. */
    double tokens;
    uint64_t last_ns;
    int strikes; /* messages refused for the rate since the bucket was last full */
    struct net_conn *next;
} net_conn;

net_conn *net_conn_new(net *n, struct mg_connection *mg, int slot);
net_conn *net_conn_ref(net_conn *c);
void net_conn_unref(net_conn *c);
/* Start the sender thread (the connection is upgraded). -1 when none. */
int net_conn_start(net_conn *c);
/* Queue m (a reference is taken). A full queue drops the client. */
void net_conn_send(net_conn *c, net_msg *m);
/* The newest state, replacing one not yet sent. */
void net_conn_state(net_conn *c, net_msg *m);
/* Send bye (code, status) after what is queued, then close. */
void net_conn_bye(net_conn *c, const char *code, int status);
/* Stops the sender and waits for it (its write under way ends first), so
   that a close frame written from civetweb's thread is the last frame:
   data after it is a protocol error for the client (Chromium drops the
   link). civetweb's thread only. */
void net_conn_quiet(net_conn *c);
/* The close handler: stop the sender, wait for it; mg is unusable after. */
void net_conn_closed(net_conn *c);
/* Write the close frame with status (on mg, from any thread) and note when. */
void net_conn_close_frame(net_conn *c, struct mg_connection *mg, int status);
/* A frame from a connection that is ending: -1 it is not, 1 read on and
   drop the frame (the client's close frame is awaited, NET_CLOSE_GRACE_MS
   at most), 0 close now (its close frame came, or it cannot be told). */
int net_conn_ending(net_conn *c, int closing_frame);
/* The token bucket: 1 when one more message may come now. */
int net_conn_rate(net_conn *c);

/* Requests from civetweb's threads to the owner --------------------------------- */

typedef enum {
    REQ_HELLO,   /* a WebSocket's hello, or POST /api/join */
    REQ_COMMAND, /* a command line */
    REQ_LEAD,    /* pass the lead */
    REQ_TIMER,   /* the facilitator's timer */
    REQ_REVOKE,  /* a new code */
    REQ_STATE,   /* GET /api/state */
    REQ_LEAVE,   /* a WebSocket closed */
    REQ_SURVEY,  /* the hotwash answers (net_survey.c) */
    REQ_HOLD,    /* the facilitator holds the projector (and every page) */
    REQ_JUMP     /* the facilitator's jump to a turn, played by a policy */
} net_req_kind;

/* An HTTP handler waits here for the owner's answer. */
typedef struct net_waiter {
    pthread_mutex_t lock;
    pthread_cond_t cv;
    int done, status;
    net_msg *answer;
    atomic_int refs;
} net_waiter;

typedef struct net_req {
    net_req_kind kind;
    int slot;
    net_conn *conn;   /* WebSocket (a reference), or NULL */
    net_waiter *wait; /* HTTP (a reference), or NULL */
    int part;         /* REQ_LEAVE: the participant */
    char token[NET_TOKEN_LEN + 1];
    char name[NET_NAME_MAX + 1];
    char role[64], to[24];
    long long seq;           /* 0: none */
    int has_seq, ms, closes; /* ms: the timer's length */
    int confirm;             /* REQ_COMMAND: `end` despite what is left undone */
    int on;                  /* REQ_HOLD */
    int turn;                /* REQ_JUMP: the turn to stop at */
    char policy[16];         /* REQ_JUMP: the policy's name (policy.h) */
    char *line;              /* REQ_COMMAND */
    cJSON *sent;             /* REQ_COMMAND: the answer given (kept for a resend) */
    cJSON *answers;          /* REQ_SURVEY: the message as it came */
    struct net_req *next;
} net_req;

net_req *net_req_new(net_req_kind kind, int slot);
void net_req_free(net_req *r);
/* Queue r for the owner and wake it; -1 (r freed) when the host is stopping. */
int net_req_push(net *n, net_req *r);
net_waiter *net_waiter_new(void);
void net_waiter_unref(net_waiter *w);
/* The owner's answer to an HTTP request (a reference to m is taken). */
void net_waiter_answer(net_waiter *w, int status, net_msg *m);

/* The room ------------------------------------------------------------------- */

typedef struct net_part {
    char id[16];
    char name[NET_NAME_MAX + 1];
    char token[NET_TOKEN_LEN + 1];
    int slot;
    long long last_seq;   /* the highest seq taken from it */
    cJSON *last_answer;   /* the result it had (NULL after a restart) */
    int online;           /* connections now */
    int surveyed;         /* its hotwash answers are in (kept: one each) */
    long long survey_seq; /* the seq they came with (0 none) */
} net_part;

typedef struct net_seat {
    char code[NET_CODE_LEN + 1];
    int lead;  /* teams: the participant who confirms, -1 none */
    int conns; /* WebSocket connections open now */
} net_seat;

/* The move timer of every device, on the monotonic clock: its length is
   the game's (the journaled `timer` command), its countdown movetimer.h's. */
typedef struct net_timer {
    movetimer mt;
    int fired_turn; /* the turn whose defaults it applied */
    /* net_set_timer's request, journaled as a `timer` command at the next
       poll (it has no session to apply it to). */
    int wanted, want_ms, want_closes;
    const session *restored; /* the session whose time so far it took (timer_restore) */
} net_timer;

/* The HTTP rate of one remote address. */
typedef struct net_bucket {
    char addr[48];
    double tokens;
    uint64_t last_ns;
} net_bucket;

struct net {
    struct mg_context *ctx;
    const def_scenario *sc;
    int nslots; /* nroles + 2 */
    char url[128];
    int port;       /* the one it listens on (kept in the host file) */
    int saved_port; /* the host file's, 0 none */
    int tls;        /* https and wss */
    char web_dir[1024];
    char host_file[1024], codes_file[1024];

    pthread_mutex_t lock; /* slots' codes and conns, the connections, buckets */
    net_seat slots[CR_MAX_ROLES + 2];
    net_conn *conns;
    int nconns;
    net_bucket buckets[NET_HTTP_BUCKETS];

    pthread_mutex_t qlock; /* the request queue */
    net_req *qhead, *qtail;
    int stopping;
    void (*waker)(void *ud);
    void *waker_ud;
    int wake_fd[2]; /* a pipe: net_wait sleeps on it */

    /* The owner's alone. */
    net_part *parts;
    int nparts, cparts;
    int next_id;    /* for participant ids p1, p2 ... */
    int room_dirty; /* the host file needs writing */
    long rev;
    int changed;         /* publish at the end of this poll */
    const session *seen; /* the session last published */
    int seen_nlog;
    net_timer timer;
    int hold;         /* the projector's hold (net_set_hold): every page shows the card */
    uint8_t *avail;   /* [nmoves] moves available now (a publish's cache) */
    char (*why)[256]; /* [nmoves] */
};

/* Slots by name: a role's id, "observer", "facilitator"; -1 none. */
int net_slot_by_name(const net *n, const char *name);
const char *net_slot_name(const net *n, int slot);
int net_slot_observer(const net *n);
int net_slot_facilitator(const net *n);
/* The slot whose code this is (normalised first), -1 none. Takes n->lock. */
int net_slot_of_code(net *n, const char *code);

/* net_room.c: read the host file or make new codes; write it. */
int net_room_open(net *n, const session *s, char *err, size_t errlen);
int net_room_save(net *n, char *err, size_t errlen);
int net_codes_write(net *n, char *err, size_t errlen);
/* A participant: the one with token in slot, or a new one. -1 when full. */
int net_part_join(net *n, int slot, const char *token, const char *name);
int net_part_by_id(const net *n, const char *id);
/* A new code for the slot (under n->lock); 0 or -1. */
int net_room_recode(net *n, int slot);

/* net_view_analysis.c: issue 14's parts of a state (an analysis board and
   its cards, a meter's trend, the session and this turn's pause point);
   net_view_card_analysis says whether the card is an analysis board's. */
void net_view_board_analysis(cJSON *j, const game *g, int b);
int net_view_card_analysis(cJSON *j, const viewer *v, const game *g, int c);
void net_view_trend(cJSON *j, const game *g, int m);
void net_view_pause(cJSON *o, const game *g);

/* net_view.c: what slot's holder may see, as the state message. */
net_msg *net_view_state(net *n, session *s, int slot);
/* Moves available now, for every viewer of one publish. */
void net_view_prepare(net *n, session *s);

/* net_survey.c. The line `survey ROLE|observer -- JSON` for the answers r
   carries from participant k, and its provenance (the team, never the
   participant): 0, or -1 with an error code (docs/protocol.md) and why. */
int net_survey_line(const net *n, const session *s, const net_req *r, int k, strbuf *line,
                    journal_by *by, const char **code, char *err, size_t errlen);
/* The answers journaled so far (the facilitator's count). */
int net_survey_count(const session *s);
/* The state m as a participant whose answers are in receives it
   ("sent": true); NULL when m has no survey to mark (the facilitator's). */
net_msg *net_survey_sent(const net_msg *m);

/* net_http.c: the handlers, set on a started context. */
void net_http_install(net *n);

/* net_queue.c: the monotonic clock in ms; the wake-ups read. */
uint64_t net_now_ms(void);
void net_drain_wakes(net *n);

/* net_owner.c: answer r with an error code (docs/protocol.md) and text. */
void net_refuse(net_req *r, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* net_auth.c: parse and authorise r's line; the canonical line to apply
   into out. 0, or -1 when r was refused (answered). */
int net_authorise(const net *n, net_req *r, const game *g, int k, strbuf *out);

/* net_timer.c: the timer as the journaled command that sets it; the
   owner's part of each poll. */
void net_timer_line(int ms, int closes, char *line, size_t size);
void net_timer_poll(net *n, session *s);

#endif
