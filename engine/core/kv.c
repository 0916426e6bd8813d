/*
 * kv.c -- see kv.h. A sorted array: the state holds tens of keys, and
 * binary search over it beats a hash table at that size.
 */
#include "kv.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int kv_pos(const kv *k, const char *key, int *found)
{
    int lo = 0, hi = k->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        /* Effects write the keys of their definitions: often the very
           string the entry holds. */
        int c = k->e[mid].key == key ? 0 : strcmp(k->e[mid].key, key);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = 0;
    return lo;
}

const val *kv_get(const kv *k, const char *key)
{
    int found, i = kv_pos(k, key, &found);
    return found ? &k->e[i].v : NULL;
}

static void kv_put(kv *k, const char *key, const val *v, int copy_key);

void kv_set(kv *k, const char *key, const val *v)
{
    kv_put(k, key, v, 1);
}

void kv_set_static(kv *k, const char *key, const val *v)
{
    kv_put(k, key, v, 0);
}

static void kv_put(kv *k, const char *key, const val *v, int copy_key)
{
    int found, i = kv_pos(k, key, &found);
    if (found) {
        free(k->e[i].v.str);
        k->version++;
        if (v->type == VAL_NIL) {
            if (k->e[i].key_owned) free(k->e[i].key);
            memmove(&k->e[i], &k->e[i + 1], sizeof *k->e * (size_t)(k->n - i - 1));
            k->n--;
            k->epoch++;
            return;
        }
        k->e[i].stamp = k->version;
        val_copy(&k->e[i].v, v);
        return;
    }
    if (v->type == VAL_NIL) return;
    vec_reserve((void **)&k->e, &k->cap, k->n + 1, sizeof *k->e);
    memmove(&k->e[i + 1], &k->e[i], sizeof *k->e * (size_t)(k->n - i));
    k->e[i].key = copy_key ? xstrdup(key) : (char *)key;
    k->e[i].key_owned = copy_key;
    k->e[i].stamp = ++k->version;
    val_copy(&k->e[i].v, v);
    k->n++;
}

void kv_clear(kv *k)
{
    for (int i = 0; i < k->n; i++) {
        if (k->e[i].key_owned) free(k->e[i].key);
        free(k->e[i].v.str);
    }
    k->n = 0;
    k->version++, k->epoch++;
}

void kv_free(kv *k)
{
    kv_clear(k);
    free(k->e);
    k->e = NULL;
    k->cap = 0;
}

uint64_t kv_hash(const kv *k, uint64_t h)
{
    for (int i = 0; i < k->n; i++) {
        const val *v = &k->e[i].v;
        h = hash_str(h, k->e[i].key);
        h = hash_i64(h, v->type);
        if (v->type == VAL_STR)
            h = hash_str(h, v->str);
        else
            h = hash_f64(h, v->num);
    }
    return h;
}

cJSON *kv_to_json(const kv *k)
{
    cJSON *o = cJSON_CreateObject();
    for (int i = 0; i < k->n; i++) {
        const val *v = &k->e[i].v;
        if (v->type == VAL_STR)
            cJSON_AddStringToObject(o, k->e[i].key, v->str);
        else if (v->type == VAL_BOOL)
            cJSON_AddBoolToObject(o, k->e[i].key, v->num != 0);
        else
            cJSON_AddNumberToObject(o, k->e[i].key, v->num);
    }
    return o;
}
