#!/usr/bin/env python3
"""engine/ui calls downwards: no file calls, directly or through others, a file
that calls it back (the screens ask the actions module for things; nothing
they call calls the loop or a screen). Prints the graph with -v.

A file's calls are the exported ui_ functions of other files that its code
names (comments and strings left out). Fails listing each cycle."""
import os, re, sys

folder = sys.argv[1]
verbose = '-v' in sys.argv[2:]
files = sorted(f for f in os.listdir(folder) if f.endswith('.c'))


def code(f):
    s = open(os.path.join(folder, f), encoding='utf-8').read()
    s = re.sub(r'/\*.*?\*/', ' ', s, flags=re.S)
    s = re.sub(r'//[^\n]*', ' ', s)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', s)


src = {f: code(f) for f in files}
defined = {}
for f in files:
    for m in re.finditer(r'^(?!static)[A-Za-z_][\w \*]*?\b(ui_\w+)\s*\([^;{]*\)\s*\{', src[f], re.M):
        defined[m.group(1)] = f[:-2]
calls = {}
for f in files:
    me = f[:-2]
    names = re.findall(r'\b(ui_\w+)\s*\(', src[f])
    calls[me] = sorted({defined[n] for n in names if n in defined and defined[n] != me})
    if verbose:
        print('%-22s calls %s' % (me, ' '.join(calls[me])))

# Tarjan's strongly connected components.
index, low, stack, on, cycles = {}, {}, [], set(), []


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v), on.add(v)
    for w in calls[v]:
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while not c or c[-1] != v:
            c.append(stack.pop())
            on.discard(c[-1])
        if len(c) > 1:
            cycles.append(sorted(c))


for v in calls:
    if v not in index:
        visit(v)
if len(defined) < 50:
    sys.exit('found only %d exported functions in %s: is it engine/ui?' % (len(defined), folder))
for c in cycles:
    print('cycle of %d files: %s' % (len(c), ' '.join(c)))
    for v in c:
        print('  %s calls %s' % (v, ' '.join(w for w in calls[v] if w in c)))
if cycles:
    sys.exit(1)
print('ok: %d files, %d exported functions, no call cycle' % (len(files), len(defined)))
