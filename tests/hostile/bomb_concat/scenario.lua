scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
local t = {}
for i = 1, 100 do t[i] = ('x'):rep(1024):rep(1024) end
local s = table.concat(t)
