/*
 * net_room.c -- who is in the room: a code per slot (each team, the
 * observers, the facilitator), the participants who joined with them, each
 * team's lead. The host file beside the save keeps all of it (mode 0600:
 * codes and tokens are secrets), so that `crisisroom host SAVE` starts again
 * with the same codes and every device rejoins as itself.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "infile.h"
#include "net_int.h"
#include "outfile.h"

#define HOST_KIND   "crisisroom-host"
#define HOST_FORMAT 1

int net_slot_observer(const net *n)
{
    return n->sc->nroles;
}

int net_slot_facilitator(const net *n)
{
    return n->sc->nroles + 1;
}

const char *net_slot_name(const net *n, int slot)
{
    if (slot >= 0 && slot < n->sc->nroles) return n->sc->roles[slot].id;
    return slot == net_slot_observer(n) ? "observer" : "facilitator";
}

int net_slot_by_name(const net *n, const char *name)
{
    for (int i = 0; i < n->nslots; i++)
        if (strcmp(net_slot_name(n, i), name) == 0) return i;
    return -1;
}

int net_slot_of_code(net *n, const char *code)
{
    char norm[NET_CODE_LEN + 1];
    if (!code || net_code_norm(code, norm)) return -1;
    int found = -1;
    pthread_mutex_lock(&n->lock);
    for (int i = 0; i < n->nslots; i++) /* every slot: the time says nothing */
        if (net_secret_eq(n->slots[i].code, norm, NET_CODE_LEN)) found = i;
    pthread_mutex_unlock(&n->lock);
    return found;
}

int net_room_recode(net *n, int slot)
{
    char code[NET_CODE_LEN + 1];
    if (net_random_symbols(code, NET_CODE_LEN)) return -1;
    pthread_mutex_lock(&n->lock);
    memcpy(n->slots[slot].code, code, sizeof code);
    pthread_mutex_unlock(&n->lock);
    n->room_dirty = 1;
    return 0;
}

/* Participants ----------------------------------------------------------------- */

int net_part_by_id(const net *n, const char *id)
{
    for (int i = 0; i < n->nparts; i++)
        if (strcmp(n->parts[i].id, id) == 0) return i;
    return -1;
}

static int by_token(const net *n, int slot, const char *token)
{
    if (!token || strlen(token) != NET_TOKEN_LEN) return -1;
    int found = -1;
    for (int i = 0; i < n->nparts; i++)
        if (n->parts[i].slot == slot && net_secret_eq(n->parts[i].token, token, NET_TOKEN_LEN))
            found = i;
    return found;
}

static net_part *add_part(net *n, int slot)
{
    net_part *p = VEC_PUSH(n->parts, n->nparts, n->cparts);
    memset(p, 0, sizeof *p);
    p->slot = slot;
    return p;
}

int net_part_join(net *n, int slot, const char *token, const char *name)
{
    int i = by_token(n, slot, token);
    if (i < 0) {
        if (n->nparts >= NET_MAX_PARTICIPANTS) return -1;
        char tok[NET_TOKEN_LEN + 1];
        if (net_random_symbols(tok, NET_TOKEN_LEN)) return -1;
        net_part *p = add_part(n, slot);
        str_fmt(p->id, sizeof p->id, "p%d", ++n->next_id);
        memcpy(p->token, tok, sizeof tok);
        i = n->nparts - 1;
        /* The first to join a team confirms its decisions. */
        if (slot < n->sc->nroles && n->slots[slot].lead < 0) n->slots[slot].lead = i;
        n->room_dirty = 1;
    }
    if (name && *name && strcmp(n->parts[i].name, name) != 0) {
        str_fmt(n->parts[i].name, sizeof n->parts[i].name, "%s", name);
        n->room_dirty = 1;
    }
    return i;
}

/* The host file ---------------------------------------------------------------- */

static cJSON *room_json(const net *n)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", HOST_KIND);
    cJSON_AddNumberToObject(o, "format", HOST_FORMAT);
    cJSON_AddStringToObject(o, "scenario", n->sc->id);
    cJSON *codes = cJSON_AddObjectToObject(o, "codes");
    cJSON *leads = cJSON_AddObjectToObject(o, "leads");
    for (int i = 0; i < n->nslots; i++) {
        cJSON_AddStringToObject(codes, net_slot_name(n, i), n->slots[i].code);
        if (i < n->sc->nroles && n->slots[i].lead >= 0)
            cJSON_AddStringToObject(leads, net_slot_name(n, i), n->parts[n->slots[i].lead].id);
    }
    cJSON_AddNumberToObject(o, "next", n->next_id);
    cJSON *ps = cJSON_AddArrayToObject(o, "participants");
    for (int i = 0; i < n->nparts; i++) {
        cJSON *p = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "id", n->parts[i].id);
        cJSON_AddStringToObject(p, "name", n->parts[i].name);
        cJSON_AddStringToObject(p, "token", n->parts[i].token);
        cJSON_AddStringToObject(p, "slot", net_slot_name(n, n->parts[i].slot));
        cJSON_AddItemToArray(ps, p);
    }
    return o;
}

/* Secrets: a new file is the user's alone, whatever the umask. */
static int write_private(const char *path, cJSON *o, char *err, size_t errlen)
{
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    if (!text) {
        str_fmt(err, errlen, "cannot write '%s': out of memory", path);
        return -1;
    }
    mode_t old = umask(077);
    int rc = outfile_write(path, text, strlen(text), err, errlen);
    umask(old);
    free(text);
    struct stat st;
    if (rc == 0 && lstat(path, &st) == 0 && S_ISREG(st.st_mode)) chmod(path, 0600);
    return rc;
}

int net_room_save(net *n, char *err, size_t errlen)
{
    if (!n->host_file[0]) return 0;
    n->room_dirty = 0;
    return write_private(n->host_file, room_json(n), err, errlen);
}

int net_codes_write(net *n, char *err, size_t errlen)
{
    if (!n->codes_file[0]) return 0;
    char code[32];
    cJSON *o = cJSON_CreateObject(), *teams;
    cJSON_AddStringToObject(o, "url", n->url);
    pthread_mutex_lock(&n->lock);
    net_code_pretty(n->slots[net_slot_facilitator(n)].code, code, sizeof code);
    cJSON_AddStringToObject(o, "facilitator", code);
    net_code_pretty(n->slots[net_slot_observer(n)].code, code, sizeof code);
    cJSON_AddStringToObject(o, "observer", code);
    teams = cJSON_AddObjectToObject(o, "teams");
    for (int i = 0; i < n->sc->nroles; i++) {
        net_code_pretty(n->slots[i].code, code, sizeof code);
        cJSON_AddStringToObject(teams, n->sc->roles[i].id, code);
    }
    pthread_mutex_unlock(&n->lock);
    return write_private(n->codes_file, o, err, errlen);
}

/* Reading it back ------------------------------------------------------------- */

static const char *str_of(cJSON *o, const char *key)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int read_codes(net *n, cJSON *codes)
{
    for (int i = 0; i < n->nslots; i++) {
        const char *c = str_of(codes, net_slot_name(n, i));
        /* A role the scenario gained since gets a new code. */
        if (!c) continue;
        if (net_code_norm(c, n->slots[i].code)) return -1;
    }
    return 0;
}

static int read_part(net *n, cJSON *p)
{
    const char *id = str_of(p, "id"), *name = str_of(p, "name"), *tok = str_of(p, "token");
    const char *slot = str_of(p, "slot");
    int sl = slot ? net_slot_by_name(n, slot) : -1;
    if (!id || !name || !tok || strlen(id) >= 16 || strlen(name) > NET_NAME_MAX ||
        strlen(tok) != NET_TOKEN_LEN || net_part_by_id(n, id) >= 0 ||
        n->nparts >= NET_MAX_PARTICIPANTS)
        return -1;
    if (sl < 0) return 0; /* a role the scenario lost: its members go */
    net_part *q = add_part(n, sl);
    str_fmt(q->id, sizeof q->id, "%s", id);
    str_fmt(q->name, sizeof q->name, "%s", name);
    str_fmt(q->token, sizeof q->token, "%s", tok);
    return 0;
}

static int read_room(net *n, cJSON *o)
{
    cJSON *codes = cJSON_GetObjectItemCaseSensitive(o, "codes");
    cJSON *leads = cJSON_GetObjectItemCaseSensitive(o, "leads");
    cJSON *ps = cJSON_GetObjectItemCaseSensitive(o, "participants");
    cJSON *next = cJSON_GetObjectItemCaseSensitive(o, "next");
    const char *kind = str_of(o, "kind");
    if (!kind || strcmp(kind, HOST_KIND) || !cJSON_IsObject(codes) || !cJSON_IsNumber(next) ||
        (ps && !cJSON_IsArray(ps)) || read_codes(n, codes))
        return -1;
    n->next_id = next->valueint;
    cJSON *p;
    cJSON_ArrayForEach(p, ps) if (read_part(n, p)) return -1;
    for (int i = 0; i < n->sc->nroles; i++) {
        const char *lead = cJSON_IsObject(leads) ? str_of(leads, net_slot_name(n, i)) : NULL;
        int k = lead ? net_part_by_id(n, lead) : -1;
        n->slots[i].lead = k >= 0 && n->parts[k].slot == i ? k : -1;
    }
    return 0;
}

static int load_room(net *n, char *err, size_t errlen)
{
    size_t len;
    char why[600];
    char *text = infile_read(n->host_file, NET_HOST_FILE_MAX, &len, why, sizeof why);
    if (!text) {
        str_fmt(err, errlen, "%s", why);
        return -1;
    }
    cJSON *o = cJSON_Parse(text);
    free(text);
    int rc = o ? read_room(n, o) : -1;
    cJSON_Delete(o);
    if (rc)
        str_fmt(err, errlen,
                "%s: not a host file of this game (codes and participants); move it away to "
                "start with new codes",
                n->host_file);
    return rc;
}

/* The highest sequence number each participant had applied, from the
   journal: a command resent after a restart is then not applied twice. */
static void seqs_from_journal(net *n, const session *s)
{
    for (int i = 0; i < s->nlog; i++) {
        const journal_by *by = &s->log[i].by;
        int k = by->participant[0] ? net_part_by_id(n, by->participant) : -1;
        if (k >= 0 && by->seq > n->parts[k].last_seq) n->parts[k].last_seq = by->seq;
    }
}

int net_room_open(net *n, const session *s, char *err, size_t errlen)
{
    for (int i = 0; i < n->nslots; i++) n->slots[i].lead = -1, n->slots[i].code[0] = '\0';
    if (n->host_file[0] && access(n->host_file, F_OK) == 0 && load_room(n, err, errlen)) return -1;
    for (int i = 0; i < n->nslots; i++)
        if (!n->slots[i].code[0] && net_room_recode(n, i)) {
            str_fmt(err, errlen, "no random numbers from the operating system: %s",
                    strerror(errno));
            return -1;
        }
    seqs_from_journal(n, s);
    return net_room_save(n, err, errlen);
}
