/*
 * net_limits.h -- every limit of the room's server, named once (the table
 * of docs/protocol.md, "Limits", lists them for the pages' authors).
 */
#ifndef CR_NET_LIMITS_H
#define CR_NET_LIMITS_H

/* A message from a client (a WebSocket message, a POST body): a command
   line is at most CMD_TEXT_MAX + 512 bytes, and JSON may escape it. */
#define NET_MAX_MESSAGE 16384
/* Messages a second per connection, and the burst a token bucket allows:
   people type and click far slower; a loop in a page does not. */
#define NET_RATE       10
#define NET_RATE_BURST 20
/* Messages refused for the rate, since the client's bucket was last full,
   before the client is dropped. */
#define NET_RATE_STRIKES 40
/* HTTP requests a second per remote address (scripts, tests), and burst. */
#define NET_HTTP_RATE       50
#define NET_HTTP_RATE_BURST 200
/* Remote addresses whose HTTP rate is tracked at once (least recent out). */
#define NET_HTTP_BUCKETS 256
/* Connections per team code, for observers, for the facilitator, in all. A
   class or a national exercise: 70 a team is the benchmark's load. */
#define NET_MAX_TEAM_CLIENTS 100
#define NET_MAX_OBSERVERS    100
#define NET_MAX_FACILITATORS 8
#define NET_MAX_CLIENTS      400
/* Participants remembered in all (they persist beside the save). */
#define NET_MAX_PARTICIPANTS 1000
/* civetweb threads beside the WebSocket ones (each WebSocket holds one):
   HTTP requests and upgrades being answered at once. */
#define NET_HTTP_THREADS 16
/* Messages waiting for one client; the newest state replaces an unsent one
   in its own slot, so only results and errors queue up. */
#define NET_OUTQ_MAX 64
/* A write to a client, or reading a request, that takes longer drops it:
   the client is gone or does not read. */
#define NET_IO_TIMEOUT_MS 5000
/* Silence before the server pings a WebSocket (civetweb closes it after
   five pings unanswered). */
#define NET_PING_MS 5000
/* After the server's close frame, how long it reads (and drops) what a
   client still sends before closing anyway: closing a socket with unread
   bytes makes the kernel reset the link, and the client loses the bye. As
   long as a write may take: a loaded machine must not cut it short. */
#define NET_CLOSE_GRACE_MS NET_IO_TIMEOUT_MS
/* How long an HTTP request waits for the game's loop to take it. */
#define NET_APPLY_TIMEOUT_MS 5000
/* A participant's display name, in bytes (a survey's name too). */
#define NET_NAME_MAX 40
/* One free-text answer of the hotwash survey, in bytes. The answers
   together are journaled as one command's text, so their JSON must also
   fit in CMD_TEXT_MAX (three full answers of plain text do). */
#define NET_SURVEY_TEXT_MAX 600
/* Stack of a connection's sender thread: it only calls civetweb's write. */
#define NET_SENDER_STACK (64 * 1024)
/* The host file beside the save (codes and participants). */
#define NET_HOST_FILE_MAX (4 * 1024 * 1024)
/* Files served from assets/web. */
#define NET_STATIC_MAX (8 * 1024 * 1024)

#endif
