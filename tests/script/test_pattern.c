/*
 * test_pattern.c -- the sandbox's own string.find, match, gmatch and gsub
 * (engine/script/pattern.c) against Lua's: the same results, or both an
 * error, on many random patterns and subjects.
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

#include "../../engine/script/script_int.h"

static const char *compare =
    "local orig = ...\n"
    "local ours = { find = string.find, match = string.match, gmatch = string.gmatch,\n"
    "  gsub = string.gsub }\n"
    "local pieces = { 'a', 'b', '.', '%a', '%d', '%s', '%W', '[ab]', '[^a]', '[a-c]', '[%d-]',\n"
    "  '[]a]', '*', '+', '-', '?', '(', ')', '()', '%1', '%2', '%b()', '%f[%w]', '%f[%W]', '^', "
    "'$',\n"
    "  '%', '[', '%%', '%.', 'x' }\n"
    "local letters = { 'a', 'b', '1', '(', ')', '-', ' ', 'x', '%', ']' }\n"
    "local seed = 12345\n"
    "local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 "
    "end\n"
    "local function pack(ok, ...) return { ok = ok, n = select('#', ...), ... } end\n"
    "local function same(a, b)\n"
    "  if a.ok ~= b.ok then return false end\n"
    "  if not a.ok then return true end\n"
    "  if a.n ~= b.n then return false end\n"
    "  for i = 1, a.n do if a[i] ~= b[i] then return false end end\n"
    "  return true\n"
    "end\n"
    "local function show(r) local t = {} for i = 1, r.n or 0 do t[#t + 1] = tostring(r[i]) end\n"
    "  return tostring(r.ok) .. ' ' .. table.concat(t, ',') end\n"
    "local function all(it) local t = {} for a, b in it do t[#t + 1] = tostring(a) .. '|' .. "
    "tostring(b) end\n"
    "  return table.concat(t, ';') end\n"
    "local bad = 0\n"
    "for case = 1, 20000 do\n"
    "  local p, s = {}, {}\n"
    "  for i = 1, rnd(6) do p[i] = pieces[rnd(#pieces)] end\n"
    "  for i = 1, rnd(12) - 1 do s[i] = letters[rnd(#letters)] end\n"
    "  p, s = table.concat(p), table.concat(s)\n"
    "  local init, max = rnd(5) - 3, rnd(3)\n"
    "  local checks = {\n"
    "    { 'find', function(f) return f.find(s, p, init) end },\n"
    "    { 'find plain', function(f) return f.find(s, p, init, true) end },\n"
    "    { 'match', function(f) return f.match(s, p, init) end },\n"
    "    { 'gmatch', function(f) return all(f.gmatch(s, p, init)) end },\n"
    "    { 'gsub', function(f) return f.gsub(s, p, '<%0>', max) end },\n"
    "    { 'gsub fn', function(f) return f.gsub(s, p, function(x) return x == 'a' and 'A' or nil "
    "end) end },\n"
    "    { 'gsub t', function(f) return f.gsub(s, p, { a = 'T', b = false }) end },\n"
    "    { 'gsub %1', function(f) return f.gsub(s, p, '%1') end },\n"
    "  }\n"
    "  for _, c in ipairs(checks) do\n"
    "    local a, b = pack(pcall(c[2], orig)), pack(pcall(c[2], ours))\n"
    "    if not same(a, b) then\n"
    "      bad = bad + 1\n"
    "      if bad < 20 then print(string.format('%s(%q, %q, %d): lua %s, ours %s', c[1], s, p, "
    "init, show(a), show(b))) end\n"
    "    end\n"
    "  end\n"
    "end\n"
    "return bad\n";

int main(void)
{
    lua_State *L = luaL_newstate();
    *(void **)lua_getextraspace(L) = NULL; /* no script: not metered */
    luaL_openlibs(L);
    lua_newtable(L); /* Lua's own functions */
    lua_getglobal(L, LUA_STRLIBNAME);
    for (const char *const *n = (const char *const[]){"find", "match", "gmatch", "gsub", NULL}; *n;
         n++) {
        lua_getfield(L, -1, *n);
        lua_setfield(L, -3, *n);
    }
    lua_pop(L, 1);
    sbx_open_patterns(L);
    if (luaL_loadstring(L, compare) != LUA_OK) {
        fprintf(stderr, "%s\n", lua_tostring(L, -1));
        return 1;
    }
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        fprintf(stderr, "%s\n", lua_tostring(L, -1));
        return 1;
    }
    long bad = (long)lua_tointeger(L, -1);
    lua_close(L);
    printf("%ld differences\n", bad);
    return bad != 0;
}
