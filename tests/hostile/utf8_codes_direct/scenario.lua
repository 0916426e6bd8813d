scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
local s = 'a' .. ('\x80'):rep(1 << 16):rep(100)
local iter = utf8.codes('a')
for i = 1, 1e6 do iter(s, 1) end
