/*
 * build_src.c -- where each field of a declaration was written.
 *
 * Lua keeps one line per call, not per table field, so the line of the
 * field an error is about is found in the source: each file of the
 * scenario is read again (once, when first asked) and scanned in one pass
 * into its table constructors, each with its fields (a name and its line,
 * or the n-th positional value) and, for a field whose value is itself a
 * constructor, that constructor. The scan knows Lua's lexical rules
 * (strings, long strings, comments, escaped newlines) and its blocks
 * (function ... end, do, if, repeat ... until), so that the commas and
 * braces inside a function or a string are never taken for fields.
 *
 * A declaration's table is matched with the constructor called on its
 * line (`event {`), and a table inside it with the constructor written
 * for that field; a match is trusted only when every string key of the
 * Lua table is a field of the constructor. Anything else (a table built by
 * code, a file changed since it was loaded) gives no line, and messages
 * keep the constructor's line.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "infile.h"

/* Past these, a file is not scanned (its messages keep the declaration's
   line): a generated scenario of millions of tables must not cost more to
   locate than to load. */
#define SRC_MAX_TOKENS 2000000
#define SRC_MAX_CHECK  256 /* fields a key check compares (a longer table is trusted) */

typedef enum { TK_NAME, TK_STRING, TK_NUMBER, TK_OP } tk_type;

typedef struct tok {
    tk_type type;
    int pos, len, line;
} tok;

typedef enum { SE_NAME, SE_INDEX, SE_EXPR } se_kind;

typedef struct src_entry {
    se_kind kind;
    const char *name; /* SE_NAME: in the file's text (namelen bytes) */
    int namelen;
    int index; /* SE_INDEX: 1-based */
    int line;
    struct src_node *child; /* the value, when it is a constructor */
} src_entry;

typedef struct src_node {
    int line;        /* of its '{' */
    int callee;      /* token index of the name it is passed to (`event {`), or -1 */
    int callee_line; /* that name's line */
    int uses;        /* declarations matched with it */
    src_entry *e;
    int n, cap;
} src_node;

typedef struct src_file {
    char *name; /* relative to the folder */
    char *text;
    size_t len;
    tok *t;
    int nt, ct;
    src_node **nodes; /* every constructor, in source order */
    int nn, cn;
    int ok; /* read and scanned */
} src_file;

struct bld_src {
    char *dir;
    src_file *f;
    int nf, cf;
};

bld_src *bld_src_new(const char *dir)
{
    bld_src *s = xcalloc(1, sizeof *s);
    s->dir = xstrdup(dir);
    return s;
}

static void free_file(src_file *f)
{
    for (int i = 0; i < f->nn; i++) free(f->nodes[i]->e), free(f->nodes[i]);
    free(f->nodes), free(f->t), free(f->text), free(f->name);
}

void bld_src_free(bld_src *s)
{
    if (!s) return;
    for (int i = 0; i < s->nf; i++) free_file(&s->f[i]);
    free(s->f), free(s->dir), free(s);
}

/* Lexing ------------------------------------------------------------------- */

typedef struct lexer {
    const char *s;
    size_t n, i;
    int line;
} lexer;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* Lua's newlines: \n, \r, \r\n and \n\r each count once. */
static int newline(lexer *x)
{
    char c = x->s[x->i];
    if (c != '\n' && c != '\r') return 0;
    x->i++;
    if (x->i < x->n && (x->s[x->i] == '\n' || x->s[x->i] == '\r') && x->s[x->i] != c) x->i++;
    x->line++;
    return 1;
}

/* At '[': the level of a long bracket ("[==[" is 2), or -1 when it is none. */
static int long_level(const lexer *x)
{
    size_t j = x->i + 1;
    int level = 0;
    while (j < x->n && x->s[j] == '=') j++, level++;
    return j < x->n && x->s[j] == '[' ? level : -1;
}

static void skip_long(lexer *x, int level)
{
    x->i += (size_t)level + 2;
    while (x->i < x->n) {
        if (newline(x)) continue;
        if (x->s[x->i] == ']') {
            size_t j = x->i + 1;
            int k = 0;
            while (j < x->n && x->s[j] == '=') j++, k++;
            if (k == level && j < x->n && x->s[j] == ']') {
                x->i = j + 1;
                return;
            }
        }
        x->i++;
    }
}

static void skip_string(lexer *x)
{
    char q = x->s[x->i++];
    while (x->i < x->n && x->s[x->i] != q) {
        if (x->s[x->i] == '\n' || x->s[x->i] == '\r') return; /* unfinished: a syntax error */
        if (x->s[x->i] != '\\') {
            x->i++;
            continue;
        }
        x->i++;
        if (x->i >= x->n) return;
        if (newline(x)) continue;
        if (x->s[x->i] == 'z') { /* \z skips the white space after it, newlines too */
            x->i++;
            while (x->i < x->n && (newline(x) || is_space(x->s[x->i])))
                if (is_space(x->s[x->i])) x->i++;
            continue;
        }
        x->i++;
    }
    if (x->i < x->n) x->i++;
}

static int is_name_char(char c, int first)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (!first && c >= '0' && c <= '9');
}

static void skip_number(lexer *x)
{
    while (x->i < x->n) {
        char c = x->s[x->i];
        char d = x->i + 1 < x->n ? x->s[x->i + 1] : 0;
        if ((c == 'e' || c == 'E' || c == 'p' || c == 'P') && (d == '+' || d == '-'))
            x->i += 2;
        else if (is_name_char(c, 0) || c == '.')
            x->i++;
        else
            break;
    }
}

/* The next token, or 0 at the end. Comments and white space are skipped. */
static int lex(lexer *x, tok *t)
{
    for (;;) {
        if (x->i >= x->n) return 0;
        if (newline(x)) continue;
        char c = x->s[x->i];
        if (is_space(c)) {
            x->i++;
        } else if (c == '-' && x->i + 1 < x->n && x->s[x->i + 1] == '-') {
            x->i += 2;
            int level = x->i < x->n && x->s[x->i] == '[' ? long_level(x) : -1;
            if (level >= 0)
                skip_long(x, level);
            else
                while (x->i < x->n && x->s[x->i] != '\n' && x->s[x->i] != '\r') x->i++;
        } else {
            break;
        }
    }
    size_t start = x->i;
    char c = x->s[x->i];
    t->line = x->line;
    t->pos = (int)start;
    if (c == '"' || c == '\'') {
        skip_string(x);
        t->type = TK_STRING;
    } else if (c == '[' && long_level(x) >= 0) {
        skip_long(x, long_level(x));
        t->type = TK_STRING;
    } else if ((c >= '0' && c <= '9') ||
               (c == '.' && x->i + 1 < x->n && x->s[x->i + 1] >= '0' && x->s[x->i + 1] <= '9')) {
        skip_number(x);
        t->type = TK_NUMBER;
    } else if (is_name_char(c, 1)) {
        while (x->i < x->n && is_name_char(x->s[x->i], 0)) x->i++;
        t->type = TK_NAME;
    } else {
        /* Two-character operators that hold '=' must not read as '='. */
        int pair = c == '=' || c == '<' || c == '>' || c == '~';
        x->i += pair && x->i + 1 < x->n && x->s[x->i + 1] == '=' ? 2 : 1;
        t->type = TK_OP;
    }
    t->len = (int)(x->i - start);
    return 1;
}

static int tokenize(src_file *f)
{
    lexer x = {f->text, f->len, 0, 1};
    tok t;
    while (lex(&x, &t)) {
        if (f->nt >= SRC_MAX_TOKENS) return -1;
        *VEC_PUSH(f->t, f->nt, f->ct) = t;
    }
    return 0;
}

/* Scanning ----------------------------------------------------------------- */

static int is_op(const src_file *f, int i, const char *op)
{
    if (i < 0 || i >= f->nt || f->t[i].type != TK_OP) return 0;
    return (size_t)f->t[i].len == strlen(op) && memcmp(f->text + f->t[i].pos, op, strlen(op)) == 0;
}

static int is_word(const src_file *f, int i, const char *w)
{
    if (i < 0 || i >= f->nt || f->t[i].type != TK_NAME) return 0;
    return (size_t)f->t[i].len == strlen(w) && memcmp(f->text + f->t[i].pos, w, strlen(w)) == 0;
}

/* What an open bracket or block is, on the scanner's stack. */
typedef struct frame {
    src_node *table;   /* a constructor; NULL for ( [ and blocks */
    int field_start;   /* a constructor: the next token begins a field */
    src_entry *valued; /* the entry whose value this constructor is, until it closes */
} frame;

static int opens_block(const src_file *f, int i)
{
    return is_word(f, i, "function") || is_word(f, i, "if") || is_word(f, i, "do") ||
           is_word(f, i, "repeat");
}

static int closes_block(const src_file *f, int i)
{
    return is_word(f, i, "end") || is_word(f, i, "until");
}

static int is_keyword(const src_file *f, int i)
{
    static const char *const words[] = {"and",   "break", "do",       "else", "elseif", "end",
                                        "false", "for",   "function", "goto", "if",     "in",
                                        "local", "nil",   "not",      "or",   "repeat", "return",
                                        "then",  "true",  "until",    "while"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (is_word(f, i, words[k])) return 1;
    return 0;
}

static src_node *new_node(src_file *f, int i)
{
    src_node *n = xcalloc(1, sizeof *n);
    n->line = f->t[i].line;
    n->callee = -1;
    /* Called with it: `name {` or `name ({` */
    int c = is_op(f, i - 1, "(") ? i - 2 : i - 1;
    if (c >= 0 && f->t[c].type == TK_NAME && !is_keyword(f, c)) {
        n->callee = c;
        n->callee_line = f->t[c].line;
    }
    *VEC_PUSH(f->nodes, f->nn, f->cn) = n;
    return n;
}

/* A field begins at token i of the constructor on top: note it. Returns the
   token where its value begins. */
static int begin_field(src_file *f, src_node *n, int i, src_entry **entry)
{
    src_entry *e = VEC_PUSH(n->e, n->n, n->cap);
    memset(e, 0, sizeof *e);
    e->line = f->t[i].line;
    if (f->t[i].type == TK_NAME && is_op(f, i + 1, "=")) {
        e->kind = SE_NAME;
        e->name = f->text + f->t[i].pos, e->namelen = f->t[i].len;
        i += 2;
    } else if (is_op(f, i, "[")) {
        e->kind = SE_EXPR;
    } else {
        int k = 0;
        for (int j = 0; j < n->n - 1; j++) k += n->e[j].kind == SE_INDEX;
        e->kind = SE_INDEX, e->index = k + 1;
    }
    *entry = e;
    return i;
}

typedef struct scan {
    frame *st;
    int n, cap;
} scan;

static frame *push(scan *s, src_node *table)
{
    frame *fr = VEC_PUSH(s->st, s->n, s->cap);
    fr->table = table, fr->field_start = 1, fr->valued = NULL;
    return fr;
}

/* A constructor just closed at token i: it is its field's value only when
   nothing follows it in that value (`x = {...} or y` is an expression). */
static void closed_table(const src_file *f, const frame *fr, int i)
{
    if (!fr->valued) return;
    if (is_op(f, i + 1, ",") || is_op(f, i + 1, ";") || is_op(f, i + 1, "}")) return;
    fr->valued->child = NULL;
}

static void scan_file(src_file *f)
{
    scan s = {0};
    for (int i = 0; i < f->nt; i++) {
        frame *top = s.n ? &s.st[s.n - 1] : NULL;
        src_entry *entry = NULL;
        if (top && top->table) {
            if (is_op(f, i, ",") || is_op(f, i, ";")) {
                top->field_start = 1;
                continue;
            }
            if (is_op(f, i, "}")) {
                frame done = *top;
                s.n--;
                closed_table(f, &done, i);
                continue;
            }
            if (top->field_start) {
                top->field_start = 0;
                i = begin_field(f, top->table, i, &entry);
                if (i >= f->nt) break;
            }
        }
        if (is_op(f, i, "{")) {
            src_node *n = new_node(f, i);
            frame *fr = push(&s, n);
            if (entry && entry->kind != SE_EXPR) {
                entry->child = n;
                fr->valued = entry;
            }
        } else if (is_op(f, i, "(") || is_op(f, i, "[") || opens_block(f, i)) {
            /* `while c do` and `for ... do` open one block, at their `do` */
            push(&s, NULL);
        } else if ((is_op(f, i, ")") || is_op(f, i, "]") || closes_block(f, i)) && s.n &&
                   !s.st[s.n - 1].table) {
            s.n--;
        }
    }
    free(s.st);
}

static src_file *file_of(bld_src *s, const char *name)
{
    for (int i = 0; i < s->nf; i++)
        if (strcmp(s->f[i].name, name) == 0) return &s->f[i];
    src_file *f = VEC_PUSH(s->f, s->nf, s->cf);
    memset(f, 0, sizeof *f);
    f->name = xstrdup(name);
    char path[4096];
    str_fmt(path, sizeof path, "%s/%s", s->dir, name);
    char why[256];
    /* A file that cannot be read again only loses its lines (the load
       itself has said what was wrong with it). */
    f->text = infile_read(path, SCRIPT_MAX_FILE, &f->len, why, sizeof why);
    if (!f->text) return f;
    if (tokenize(f) == 0) {
        scan_file(f);
        f->ok = 1;
    }
    return f;
}

/* Matching tables with constructors ------------------------------------------ */

static const src_entry *entry_named(const src_node *n, const char *key)
{
    size_t kl = strlen(key);
    const src_entry *found = NULL;
    for (int i = 0; i < n->n; i++) /* the last of two equal keys is the one Lua kept */
        if (n->e[i].kind == SE_NAME && (size_t)n->e[i].namelen == kl &&
            memcmp(n->e[i].name, key, kl) == 0)
            found = &n->e[i];
    return found;
}

static const src_entry *entry_index(const src_node *n, lua_Integer index)
{
    for (int i = 0; i < n->n; i++)
        if (n->e[i].kind == SE_INDEX && n->e[i].index == index) return &n->e[i];
    return NULL;
}

/* Every string key of the Lua table at t is a field of the constructor. */
static int keys_match(lua_State *L, int t, const src_node *n)
{
    if (!lua_istable(L, t)) return 0;
    if (n->n > SRC_MAX_CHECK) return 1;
    int ok = 1;
    lua_pushnil(L);
    while (ok && lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING && !entry_named(n, lua_tostring(L, -1))) ok = 0;
    }
    if (!ok) lua_pop(L, 1);
    return ok;
}

src_node *bld_src_decl(bld_src *s, lua_State *L, int t, const char *file, int line,
                       const char *kind)
{
    src_file *f = file_of(s, file);
    if (!f->ok) return NULL;
    t = lua_absindex(L, t);
    src_node *best = NULL;
    int named = 0; /* a candidate called by the kind's own name */
    for (int i = 0; i < f->nn; i++) {
        src_node *n = f->nodes[i];
        if (n->callee < 0 || n->callee_line != line || !keys_match(L, t, n)) continue;
        int is_kind = is_word(f, n->callee, kind);
        /* By the kind's name first; then the one used least, so that two
           declarations on one line take one constructor each. */
        if (!best || (is_kind && !named) || (is_kind == named && n->uses < best->uses))
            best = n, named = is_kind;
    }
    if (best) best->uses++;
    return best;
}

/* The node of the Lua table `want`, searched from the table at t (matched
   with n) down through the fields that hold constructors. */
static src_node *find_node(lua_State *L, int t, const src_file *f, src_node *n, const void *want)
{
    if (lua_topointer(L, t) == want) return n;
    if (!lua_checkstack(L, 4)) return NULL;
    for (int i = 0; i < n->n; i++) {
        const src_entry *e = &n->e[i];
        if (!e->child) continue;
        int ty = e->kind == SE_NAME
                     ? (lua_pushlstring(L, e->name, (size_t)e->namelen), lua_rawget(L, t))
                     : lua_rawgeti(L, t, e->index);
        src_node *r = NULL;
        if (ty == LUA_TTABLE && keys_match(L, lua_gettop(L), e->child))
            r = find_node(L, lua_gettop(L), f, e->child, want);
        lua_pop(L, 1);
        if (r) return r;
    }
    return NULL;
}

int bld_src_line(bld_src *s, lua_State *L, int root, src_node *rn, const char *file, int t,
                 const char *key, lua_Integer index)
{
    if (!s || !rn || !lua_istable(L, t)) return 0;
    src_file *f = file_of(s, file);
    if (!f->ok) return 0;
    const void *want = lua_topointer(L, t);
    src_node *n = find_node(L, lua_absindex(L, root), f, rn, want);
    if (!n) return 0;
    const src_entry *e = key ? entry_named(n, key) : index ? entry_index(n, index) : NULL;
    return e ? e->line : n->line;
}

/* Duplicate keys ----------------------------------------------------------------- */

static int cmp_entry(const void *a, const void *b)
{
    const src_entry *x = *(src_entry *const *)a, *y = *(src_entry *const *)b;
    int n = x->namelen < y->namelen ? x->namelen : y->namelen;
    int c = memcmp(x->name, y->name, (size_t)n);
    if (c) return c;
    return x->namelen != y->namelen ? x->namelen - y->namelen : x->line - y->line;
}

/* fn for each key written again in one constructor (at its later line). */
static void dups_of(const src_file *f, const src_node *n, bld_src_dup_fn fn, void *ud)
{
    int k = 0;
    const src_entry **v = xcalloc((size_t)n->n + 1, sizeof *v);
    for (int i = 0; i < n->n; i++)
        if (n->e[i].kind == SE_NAME) v[k++] = &n->e[i];
    qsort(v, (size_t)k, sizeof *v, cmp_entry);
    for (int i = 1; i < k; i++) {
        const src_entry *a = v[i - 1], *b = v[i];
        if (a->namelen != b->namelen || memcmp(a->name, b->name, (size_t)a->namelen) != 0) continue;
        char name[64];
        str_fmt(name, sizeof name, "%.*s", a->namelen, a->name);
        fn(ud, f->name, b->line, a->line, name);
    }
    free(v);
}

int bld_src_dups(bld_src *s, const char *file, bld_src_dup_fn fn, void *ud)
{
    src_file *f = file_of(s, file);
    if (!f->ok) return -1;
    for (int i = 0; i < f->nn; i++) dups_of(f, f->nodes[i], fn, ud);
    return 0;
}

/* Tokens, for messages about syntax ------------------------------------------------- */

int bld_src_near(bld_src *s, const char *file, int line, const char *near, int *prev_line,
                 char *next, size_t nsize)
{
    src_file *f = file_of(s, file);
    size_t nl = strlen(near);
    next[0] = '\0';
    for (int i = 1; f->text && i < f->nt; i++) {
        if (f->t[i].line != line || (size_t)f->t[i].len != nl ||
            memcmp(f->text + f->t[i].pos, near, nl) != 0)
            continue;
        *prev_line = f->t[i - 1].line;
        if (i + 1 < f->nt) str_fmt(next, nsize, "%.*s", f->t[i + 1].len, f->text + f->t[i + 1].pos);
        return 0;
    }
    return -1;
}
