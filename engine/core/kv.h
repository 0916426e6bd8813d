/*
 * kv.h -- the scenario's free state: string keys to numbers, strings or
 * booleans, kept sorted by key so that hashing and display are stable.
 */
#ifndef CR_KV_H
#define CR_KV_H

#include <stdint.h>

#include "val.h"

typedef struct kv_entry {
    char *key;
    int key_owned;  /* the key is the entry's own copy (else a definition's) */
    uint64_t stamp; /* the store's version when the entry last changed */
    val v;
} kv_entry;

/* version grows at every change and epoch at every removal, so that a
   copy of the store (the script's g.state) can bring itself up to date
   with the entries stamped since, or start again after a removal. */
typedef struct kv {
    kv_entry *e;
    int n, cap;
    uint64_t version, epoch;
} kv;

const val *kv_get(const kv *k, const char *key);
/* Copies key and value; a VAL_NIL value removes the key. */
void kv_set(kv *k, const char *key, const val *v);
/* The same, for a key that lives as long as the store (a definition's):
   it is not copied. */
void kv_set_static(kv *k, const char *key, const val *v);
void kv_clear(kv *k);
void kv_free(kv *k);
uint64_t kv_hash(const kv *k, uint64_t h);
/* The store as a JSON object, keys in the store's order (a new cJSON object:
   the caller owns it). */
struct cJSON *kv_to_json(const kv *k);

#endif
