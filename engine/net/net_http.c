/*
 * net_http.c -- civetweb's handlers (docs/protocol.md, "HTTP" and "The
 * WebSocket"). They run on civetweb's threads and never touch the game:
 * each checks the code, the size, the rate and the form of what came, then
 * queues a request for the owner (net_owner.c) and, for HTTP, waits for its
 * answer. Pages and static files come from assets/web.
 */
#include <civetweb.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "net_int.h"

/* Answers ------------------------------------------------------------------------ */

static int send_body(struct mg_connection *c, int status, const char *type, const char *body,
                     size_t len)
{
    char n[32];
    str_fmt(n, sizeof n, "%zu", len);
    mg_response_header_start(c, status);
    mg_response_header_add(c, "Content-Type", type, -1);
    mg_response_header_add(c, "Content-Length", n, -1);
    mg_response_header_add(c, "Cache-Control", "no-store", -1);
    mg_response_header_add(c, "X-Content-Type-Options", "nosniff", -1);
    mg_response_header_send(c);
    mg_write(c, body, len);
    return status;
}

static int send_json(struct mg_connection *c, int status, const char *body)
{
    return send_body(c, status, "application/json; charset=utf-8", body, strlen(body));
}

static int send_error(struct mg_connection *c, int status, const char *code, const char *text)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddBoolToObject(o, "ok", 0);
    cJSON_AddStringToObject(o, "code", code);
    cJSON_AddStringToObject(o, "error", text);
    net_msg *m = net_msg_json(o);
    send_body(c, status, "application/json; charset=utf-8", m->data, m->len);
    net_msg_unref(m);
    return status;
}

/* A wrong or revoked code, or anything else a stranger tries: 403 and
   nothing else. */
static int forbidden(struct mg_connection *c)
{
    return send_json(c, 403, "{\"ok\":false,\"error\":\"forbidden\"}");
}

/* What comes in ------------------------------------------------------------------------ */

/* One line of the command language: no line breaks or other controls. */
static int one_line(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 && *p != '\t') return 0;
    return 1;
}

static int query_var(const struct mg_connection *c, const char *name, char *out, size_t size)
{
    const char *q = mg_get_request_info(c)->query_string;
    out[0] = '\0';
    return q && mg_get_var(q, strlen(q), name, out, size) >= 0 ? 0 : -1;
}

static int slot_of_request(net *n, const struct mg_connection *c)
{
    char code[64];
    return query_var(c, "code", code, sizeof code) ? -1 : net_slot_of_code(n, code);
}

/* A whole number from 1 to 2^53 (JSON's exact integers). */
static int parse_seq(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno || v < 1 || v > 9007199254740992LL) return -1;
    *out = v;
    return 0;
}

/* The HTTP rate of the request's address (a token bucket per address). */
static int http_rate(net *n, const char *addr)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t now = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
    pthread_mutex_lock(&n->lock);
    net_bucket *b = NULL, *oldest = &n->buckets[0];
    for (int i = 0; i < NET_HTTP_BUCKETS && !b; i++) {
        if (!strcmp(n->buckets[i].addr, addr)) b = &n->buckets[i];
        if (n->buckets[i].last_ns < oldest->last_ns) oldest = &n->buckets[i];
    }
    if (!b) {
        b = oldest;
        str_fmt(b->addr, sizeof b->addr, "%s", addr);
        b->tokens = NET_HTTP_RATE_BURST, b->last_ns = now;
    }
    b->tokens += (double)(now - b->last_ns) * NET_HTTP_RATE / 1e9;
    if (b->tokens > NET_HTTP_RATE_BURST) b->tokens = NET_HTTP_RATE_BURST;
    b->last_ns = now;
    int ok = b->tokens >= 1;
    if (ok) b->tokens -= 1;
    pthread_mutex_unlock(&n->lock);
    return ok;
}

/* The body of a POST, at most NET_MAX_MESSAGE bytes; NULL with the status. */
static char *read_body(struct mg_connection *c, int *status)
{
    const struct mg_request_info *ri = mg_get_request_info(c);
    *status = 413;
    if (ri->content_length > NET_MAX_MESSAGE) return NULL;
    char *buf = xmalloc(NET_MAX_MESSAGE + 2);
    size_t len = 0;
    for (int r;
         len <= NET_MAX_MESSAGE && (r = mg_read(c, buf + len, NET_MAX_MESSAGE + 1 - len)) > 0;)
        len += (size_t)r;
    buf[len] = '\0';
    *status = len > NET_MAX_MESSAGE ? 413 : !net_utf8_ok((unsigned char *)buf, len) ? 400 : 0;
    if (*status) free(buf), buf = NULL;
    return buf;
}

/* Waiting for the owner ------------------------------------------------------------ */

static int wait_answer(net *n, struct mg_connection *c, net_req *r)
{
    net_waiter *w = net_waiter_new();
    atomic_fetch_add(&w->refs, 1);
    r->wait = w;
    if (net_req_push(n, r)) {
        net_waiter_unref(w);
        return send_error(c, 503, "busy", "the host is stopping");
    }
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += NET_APPLY_TIMEOUT_MS / 1000;
    pthread_mutex_lock(&w->lock);
    while (!w->done && pthread_cond_timedwait(&w->cv, &w->lock, &until) != ETIMEDOUT) continue;
    int done = w->done;
    pthread_mutex_unlock(&w->lock);
    int status = done ? send_body(c, w->status, "application/json; charset=utf-8", w->answer->data,
                                  w->answer->len)
                      : send_error(c, 503, "busy", "the game's loop did not answer in time");
    net_waiter_unref(w);
    return status;
}

/* HTTP API ----------------------------------------------------------------------------- */

static int api_state(struct mg_connection *c, void *ud)
{
    net *n = ud;
    if (!http_rate(n, mg_get_request_info(c)->remote_addr))
        return send_error(c, 429, "rate", "too many requests: wait a little");
    int slot = slot_of_request(n, c);
    if (slot < 0) return forbidden(c);
    return wait_answer(n, c, net_req_new(REQ_STATE, slot));
}

static void token_and_name(cJSON *o, net_req *r)
{
    cJSON *tok = cJSON_GetObjectItemCaseSensitive(o, "token");
    cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "name");
    if (cJSON_IsString(tok) && strlen(tok->valuestring) == NET_TOKEN_LEN)
        memcpy(r->token, tok->valuestring, NET_TOKEN_LEN + 1);
    if (cJSON_IsString(name)) net_name_clean(name->valuestring, r->name);
}

static int api_join(struct mg_connection *c, void *ud)
{
    net *n = ud;
    int slot, status;
    if (!http_rate(n, mg_get_request_info(c)->remote_addr))
        return send_error(c, 429, "rate", "too many requests: wait a little");
    if ((slot = slot_of_request(n, c)) < 0) return forbidden(c);
    if (strcmp(mg_get_request_info(c)->request_method, "POST"))
        return send_error(c, 405, "malformed", "POST, with {\"name\": ...} or nothing");
    char *body = read_body(c, &status);
    if (!body) return send_error(c, status, status == 413 ? "too_large" : "malformed", "bad body");
    cJSON *o = body[strspn(body, " \t\r\n")] ? cJSON_Parse(body) : cJSON_CreateObject();
    free(body);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return send_error(c, 400, "malformed", "the body is a JSON object: {\"name\": \"Ana\"}");
    }
    net_req *r = net_req_new(REQ_HELLO, slot);
    token_and_name(o, r);
    cJSON_Delete(o);
    return wait_answer(n, c, r);
}

static int api_command(struct mg_connection *c, void *ud)
{
    net *n = ud;
    int slot, status;
    char tok[64], seq[32];
    if (!http_rate(n, mg_get_request_info(c)->remote_addr))
        return send_error(c, 429, "rate", "too many requests: wait a little");
    if ((slot = slot_of_request(n, c)) < 0) return forbidden(c);
    if (strcmp(mg_get_request_info(c)->request_method, "POST"))
        return send_error(c, 405, "malformed", "POST one command line");
    net_req *r = net_req_new(REQ_COMMAND, slot);
    if (!query_var(c, "token", tok, sizeof tok)) str_fmt(r->token, sizeof r->token, "%.26s", tok);
    char yes[8];
    r->confirm = !query_var(c, "confirm", yes, sizeof yes) && !strcmp(yes, "1");
    if (!query_var(c, "seq", seq, sizeof seq) && (parse_seq(seq, &r->seq) || !r->token[0])) {
        net_req_free(r);
        return send_error(c, 400, "malformed", "seq is a whole number from 1, with a token");
    }
    r->has_seq = r->seq > 0;
    char *body = read_body(c, &status);
    if (!body) {
        net_req_free(r);
        return send_error(c, status, status == 413 ? "too_large" : "malformed",
                          status == 413 ? "the body is too large" : "the body is not UTF-8");
    }
    size_t len = strlen(body);
    while (len && (body[len - 1] == '\n' || body[len - 1] == '\r')) body[--len] = '\0';
    if (!one_line(body)) {
        free(body);
        net_req_free(r);
        return send_error(c, 400, "malformed", "one command line: no line breaks");
    }
    r->line = body;
    return wait_answer(n, c, r);
}

/* Pages and files --------------------------------------------------------------------- */

static const char placeholder[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
    "content=\"width=device-width\"><title>Crisis Room</title></head><body><h1>Crisis "
    "Room</h1><p>The pages of this room are not installed (assets/web). The game's API is "
    "at <code>/api/state?code=CODE</code>.</p><form action=\"/join/\" "
    "onsubmit=\"location.href='/join/'+this.code.value;return false\"><label>Code <input "
    "name=\"code\" autocomplete=\"off\"></label> <button>Join</button></form></body></html>\n";

static const char *mime_of(const char *path)
{
    static const char *const t[][2] = {{".html", "text/html; charset=utf-8"},
                                       {".css", "text/css; charset=utf-8"},
                                       {".js", "text/javascript; charset=utf-8"},
                                       {".json", "application/json"},
                                       {".svg", "image/svg+xml"},
                                       {".png", "image/png"},
                                       {".ico", "image/x-icon"},
                                       {".woff2", "font/woff2"},
                                       {".txt", "text/plain; charset=utf-8"},
                                       {".webmanifest", "application/manifest+json"}};
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(dot, t[i][0])) return t[i][1];
    return "application/octet-stream";
}

/* Cache-Control comes from civetweb (static_file_cache_control: no-cache,
   net_server.c): one header, not two. */
#define PAGE_HEADERS                                                                               \
    "X-Content-Type-Options: nosniff\r\n"                                                          \
    "Content-Security-Policy: default-src 'self'; connect-src 'self' ws: wss:\r\n"

/* A relative path that stays inside assets/web: plain names only. */
static int safe_rel(const char *rel)
{
    if (!*rel || strlen(rel) > 200) return 0;
    for (const char *p = rel; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == '\\' || *p == '%') return 0;
    for (const char *seg = rel; seg; seg = strchr(seg, '/') ? strchr(seg, '/') + 1 : NULL)
        if (*seg == '.' || *seg == '/' || *seg == '\0') return 0; /* "..", ".x", "//" */
    return 1;
}

/* A regular file under web_dir (links resolved, and still under it). */
static int web_file(const net *n, const char *rel, char *out, size_t size)
{
    char path[PATH_MAX], root[PATH_MAX];
    struct stat st;
    if (!n->web_dir[0] || !safe_rel(rel) || !realpath(n->web_dir, root)) return -1;
    str_fmt(path, sizeof path, "%s/%s", root, rel);
    if (!realpath(path, out) || strlen(out) >= size) return -1;
    size_t k = strlen(root);
    if (strncmp(out, root, k) || out[k] != '/') return -1;
    return stat(out, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= NET_STATIC_MAX ? 0 : -1;
}

static int send_file(const net *n, struct mg_connection *c, const char *rel)
{
    char path[PATH_MAX];
    if (web_file(n, rel, path, sizeof path)) return -1;
    mg_send_mime_file2(c, path, mime_of(path), PAGE_HEADERS);
    return 200;
}

/* A page, or the built-in one when assets/web lacks it. */
static int send_page(const net *n, struct mg_connection *c, const char *page)
{
    if (send_file(n, c, page) > 0 || send_file(n, c, "index.html") > 0) return 200;
    return send_body(c, 200, "text/html; charset=utf-8", placeholder, sizeof placeholder - 1);
}

static int page_root(struct mg_connection *c, void *ud)
{
    net *n = ud;
    const struct mg_request_info *ri = mg_get_request_info(c);
    if (strcmp(ri->local_uri, "/")) return send_error(c, 404, "malformed", "not found");
    return send_page(n, c, "index.html");
}

/* A wrong or revoked code in a browser: 403, and a page a person can read
   that says no more than the JSON would (not which, not why). */
static const char forbidden_page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
    "content=\"width=device-width\"><title>Crisis Room</title></head><body><h1>This code does "
    "not open a page</h1><p>Check it on the room's screen, or ask the facilitator for a new "
    "one.</p><p><a href=\"/\">Type a code</a></p></body></html>\n";

static int forbidden_html(struct mg_connection *c)
{
    return send_body(c, 403, "text/html; charset=utf-8", forbidden_page, sizeof forbidden_page - 1);
}

static int page_join(struct mg_connection *c, void *ud)
{
    net *n = ud;
    const struct mg_request_info *ri = mg_get_request_info(c);
    if (strncmp(ri->local_uri, "/join/", 6)) return forbidden_html(c);
    int slot = net_slot_of_code(n, ri->local_uri + 6);
    if (slot < 0) return forbidden_html(c);
    /* One page for every code: app.js lays it out for the holder the
       state names (a team, the observers, the facilitator). */
    return send_page(n, c, "room.html");
}

static int page_static(struct mg_connection *c, void *ud)
{
    net *n = ud;
    const struct mg_request_info *ri = mg_get_request_info(c);
    const char *raw = ri->local_uri_raw ? ri->local_uri_raw : ri->local_uri;
    if (strncmp(raw, "/static/", 8) || send_file(n, c, raw + 8) < 0)
        return send_error(c, 404, "malformed", "not found");
    return 200;
}

/* The WebSocket ------------------------------------------------------------------------- */

/* No Origin (not a browser), or the page's own: http(s)://HOST. */
static int origin_ok(const struct mg_connection *c)
{
    const char *o = mg_get_header(c, "Origin"), *host = mg_get_header(c, "Host");
    if (!o) return 1;
    if (!host) return 0;
    const char *rest = !strncmp(o, "http://", 7)    ? o + 7
                       : !strncmp(o, "https://", 8) ? o + 8
                                                    : NULL;
    return rest && !strcasecmp(rest, host);
}

static int max_conns(const net *n, int slot)
{
    if (slot < n->sc->nroles) return NET_MAX_TEAM_CLIENTS;
    return slot == net_slot_observer(n) ? NET_MAX_OBSERVERS : NET_MAX_FACILITATORS;
}

/* Refusing an upgrade. civetweb 1.15 will not start a response once a
   request asks for a WebSocket (response.inl refuses when the protocol is
   the WebSocket's, and its own 404 there sends nothing), so this one answer
   is printed whole, from constants: nothing of the request goes into it. */
static int refuse_upgrade(struct mg_connection *c, int status)
{
    const char *body = status == 403 ? "{\"ok\":false,\"error\":\"forbidden\"}"
                                     : "{\"ok\":false,\"code\":\"too_many_clients\","
                                       "\"error\":\"too many connections: try later\"}";
    mg_printf(c,
              "HTTP/1.1 %d %s\r\nContent-Type: application/json; charset=utf-8\r\n"
              "Content-Length: %zu\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n%s",
              status, mg_get_response_code_text(c, status), strlen(body), body);
    return 1; /* do not upgrade */
}

/* The code checked and the connection counted under one lock, so that a
   revoke in between cannot leave it open. */
static int ws_connect(const struct mg_connection *cc, void *ud)
{
    net *n = ud;
    struct mg_connection *c = (struct mg_connection *)cc; /* answered before the upgrade */
    char code[64], norm[NET_CODE_LEN + 1];
    if (query_var(c, "code", code, sizeof code) || net_code_norm(code, norm) || !origin_ok(c))
        return refuse_upgrade(c, 403);
    pthread_mutex_lock(&n->lock);
    int slot = -1;
    for (int i = 0; i < n->nslots; i++)
        if (net_secret_eq(n->slots[i].code, norm, NET_CODE_LEN)) slot = i;
    int full =
        slot >= 0 && (n->nconns >= NET_MAX_CLIENTS || n->slots[slot].conns >= max_conns(n, slot));
    net_conn *k = NULL;
    if (slot >= 0 && !full) {
        k = net_conn_new(n, c, slot);
        k->next = n->conns, n->conns = k;
        n->nconns++, n->slots[slot].conns++;
    }
    pthread_mutex_unlock(&n->lock);
    if (slot < 0) return refuse_upgrade(c, 403);
    if (full) return refuse_upgrade(c, 503);
    mg_set_user_connection_data(c, k);
    return 0;
}

static void ws_ready(struct mg_connection *c, void *ud)
{
    (void)ud;
    net_conn *k = mg_get_user_connection_data(c);
    if (k && net_conn_start(k)) {
        pthread_mutex_lock(&k->lock);
        k->closing = k->dead = 1; /* no thread to send with: closed at its first message */
        pthread_mutex_unlock(&k->lock);
    }
}

/* An error that ends the connection: said at once from this thread, then
   the close frame. The connection is read on until the client's close
   frame comes (ws_data), so that the socket is not closed on bytes the
   client sent meanwhile: the kernel would reset it and lose the bye. */
static int ws_fatal(net_conn *k, struct mg_connection *c, const char *code, int status,
                    const char *text)
{
    net_conn_quiet(k); /* nothing more goes out, and nothing is under way */
    net_msg *m = net_msg_error("bye", code, "%s", text);
    if (mg_websocket_write(c, MG_WEBSOCKET_OPCODE_TEXT, m->data, m->len) > 0)
        net_conn_close_frame(k, c, status);
    net_msg_unref(m);
    return net_conn_ending(k, 0);
}

static void ws_error(net_conn *k, const char *code, const char *text)
{
    net_msg *m = net_msg_error("error", code, "%s", text);
    net_conn_send(k, m);
    net_msg_unref(m);
}

static const char *str_field(cJSON *o, const char *key)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *str_or_empty(cJSON *o, const char *key)
{
    const char *s = str_field(o, key);
    return s ? s : "";
}

/* A request with the message's optional seq; NULL (said) when it is not
   a whole number from 1 to 2^53. */
static net_req *ws_with_seq(net_conn *k, cJSON *o, net_req_kind kind)
{
    cJSON *num = cJSON_GetObjectItemCaseSensitive(o, "seq");
    double d = cJSON_IsNumber(num) ? num->valuedouble : 0;
    if (num && (d < 1 || d > 9007199254740992.0 || d != (double)(long long)d)) {
        ws_error(k, "malformed", "\"seq\" is a whole number from 1");
        return NULL;
    }
    net_req *r = net_req_new(kind, k->slot);
    r->seq = (long long)d, r->has_seq = num != NULL;
    r->confirm = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "confirm"));
    return r;
}

static net_req *ws_command(net_conn *k, cJSON *o)
{
    const char *line = str_field(o, "line");
    if (!line || !one_line(line)) {
        ws_error(k, "malformed", "command: \"line\" is one command line");
        return NULL;
    }
    net_req *r = ws_with_seq(k, o, REQ_COMMAND);
    if (r) r->line = xstrdup(line);
    return r;
}

/* The answers are checked by the owner, who knows the scenario and the
   participant (net_survey.c). */
static net_req *ws_survey(net_conn *k, cJSON *o)
{
    net_req *r = ws_with_seq(k, o, REQ_SURVEY);
    if (r) r->answers = cJSON_Duplicate(o, 1);
    return r;
}

static net_req *ws_timer(net_conn *k, cJSON *o)
{
    cJSON *num = cJSON_GetObjectItemCaseSensitive(o, "minutes");
    if (!cJSON_IsNumber(num) || num->valuedouble < 0 || num->valuedouble > 240) {
        ws_error(k, "malformed", "timer: \"minutes\" from 0 to 240");
        return NULL;
    }
    net_req *r = net_req_new(REQ_TIMER, k->slot);
    r->ms = (int)(num->valuedouble * 60000 + 0.5); /* fractions are seconds (tests) */
    r->closes = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "closes_turn"));
    return r;
}

/* The policy is named and checked by the owner (policy_parse). */
static net_req *ws_jump(net_conn *k, cJSON *o)
{
    cJSON *num = cJSON_GetObjectItemCaseSensitive(o, "turn");
    const char *policy = str_field(o, "policy");
    if (!cJSON_IsNumber(num) || num->valuedouble < 1 || num->valuedouble > CR_MAX_TURNS ||
        num->valuedouble != (double)(int)num->valuedouble || !policy) {
        ws_error(k, "malformed", "jump: \"turn\" a whole number from 1 and a \"policy\"");
        return NULL;
    }
    /* With its seq, the page's answer finds it; sent again after a drop it
       plays nothing more (the turn is reached). */
    net_req *r = ws_with_seq(k, o, REQ_JUMP);
    if (!r) return NULL;
    r->turn = (int)num->valuedouble;
    str_fmt(r->policy, sizeof r->policy, "%s", policy);
    return r;
}

/* A message's fields into a request; NULL with the error said. */
static net_req *ws_request(net_conn *k, cJSON *o, const char *type)
{
    net_req *r = NULL;
    if (!strcmp(type, "hello")) {
        r = net_req_new(REQ_HELLO, k->slot);
        token_and_name(o, r);
    } else if (!strcmp(type, "command")) {
        r = ws_command(k, o);
    } else if (!strcmp(type, "lead")) {
        r = net_req_new(REQ_LEAD, k->slot);
        str_fmt(r->to, sizeof r->to, "%s", str_or_empty(o, "to"));
        str_fmt(r->role, sizeof r->role, "%s", str_or_empty(o, "role"));
    } else if (!strcmp(type, "timer")) {
        r = ws_timer(k, o);
    } else if (!strcmp(type, "revoke")) {
        r = net_req_new(REQ_REVOKE, k->slot);
        str_fmt(r->role, sizeof r->role, "%s", str_or_empty(o, "slot"));
    } else if (!strcmp(type, "survey")) {
        r = ws_survey(k, o);
    } else if (!strcmp(type, "hold")) {
        r = net_req_new(REQ_HOLD, k->slot);
        r->on = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "on"));
    } else if (!strcmp(type, "jump")) {
        r = ws_jump(k, o);
    } else {
        ws_error(k, "malformed",
                 "unknown type: hello, command, lead, timer, revoke, hold, jump, survey or ping");
    }
    return r;
}

static void ws_message(net *n, net_conn *k, const char *data, size_t len)
{
    cJSON *o = cJSON_ParseWithLength(data, len);
    cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, "v") : NULL;
    const char *type = o ? str_field(o, "type") : NULL;
    if (!cJSON_IsObject(o) || !cJSON_IsNumber(v) || v->valuedouble != 1 || !type) {
        ws_error(k, "malformed", "a message is a JSON object with \"v\": 1 and a \"type\"");
    } else if (!strcmp(type, "ping")) {
        net_msg *m = net_msg_json(net_obj("pong"));
        net_conn_send(k, m);
        net_msg_unref(m);
    } else {
        net_req *r = ws_request(k, o, type);
        if (r) {
            r->conn = net_conn_ref(k);
            if (net_req_push(n, r)) ws_error(k, "stopping", "the host is stopping");
        }
    }
    cJSON_Delete(o);
}

static int ws_data(struct mg_connection *c, int bits, char *data, size_t len, void *ud)
{
    net *n = ud;
    net_conn *k = mg_get_user_connection_data(c);
    int op = bits & 0x0f;
    if (!k) return 0;
    /* Dropped, revoked, stopping: the frame is dropped; civetweb closes the
       connection once the handler returns 0. */
    int ending = net_conn_ending(k, op == MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE);
    if (ending >= 0) return ending;
    if (op == MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE) { /* the client closes: the answer is last */
        net_conn_quiet(k);
        mg_websocket_write(c, MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE, data, len < 2 ? len : 2);
        return 0;
    }
    if (op == MG_WEBSOCKET_OPCODE_PING || op == MG_WEBSOCKET_OPCODE_PONG) return 1;
    if (op == MG_WEBSOCKET_OPCODE_BINARY)
        return ws_fatal(k, c, "binary", 1003, "binary frames are not accepted: send JSON text");
    if (len > NET_MAX_MESSAGE)
        return ws_fatal(k, c, "too_large", 1009, "the message is larger than 16384 bytes");
    if (!net_conn_rate(k)) {
        if (++k->strikes >= NET_RATE_STRIKES)
            return ws_fatal(k, c, "rate", 1008, "too many messages for too long");
        /* Said once a run: answering every one would flood the queue. */
        if (k->strikes == 1)
            ws_error(k, "rate", "too many messages: at most 10 a second (those are dropped)");
        return 1;
    }
    if (op != MG_WEBSOCKET_OPCODE_TEXT || !(bits & 0x80))
        ws_error(k, "malformed", "fragmented messages are not accepted: one frame a message");
    else if (!net_utf8_ok((const unsigned char *)data, len))
        ws_error(k, "malformed", "a text frame must be UTF-8");
    else
        ws_message(n, k, data, len);
    return 1;
}

static void ws_close(const struct mg_connection *c, void *ud)
{
    net *n = ud;
    net_conn *k = mg_get_user_connection_data(c);
    if (!k) return;
    net_conn_closed(k);
    pthread_mutex_lock(&n->lock);
    for (net_conn **p = &n->conns; *p; p = &(*p)->next)
        if (*p == k) {
            *p = k->next;
            break;
        }
    n->nconns--, n->slots[k->slot].conns--;
    pthread_mutex_unlock(&n->lock);
    net_req *r = net_req_new(REQ_LEAVE, k->slot);
    r->conn = k; /* the list's reference, handed on (dropped with r when stopping) */
    net_req_push(n, r);
}

void net_http_install(net *n)
{
    mg_set_request_handler(n->ctx, "/", page_root, n); /* "/", and 404 for what no one else takes */
    mg_set_request_handler(n->ctx, "/join", page_join, n);
    mg_set_request_handler(n->ctx, "/static", page_static, n);
    mg_set_request_handler(n->ctx, "/api/state", api_state, n);
    mg_set_request_handler(n->ctx, "/api/join", api_join, n);
    mg_set_request_handler(n->ctx, "/api/command", api_command, n);
    mg_set_websocket_handler(n->ctx, "/ws", ws_connect, ws_ready, ws_data, ws_close, n);
}
