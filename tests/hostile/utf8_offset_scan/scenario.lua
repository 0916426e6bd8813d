scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
local s = ('\x80'):rep(1 << 16):rep(100) .. 'a'
for i = 1, 1e6 do utf8.offset(s, 0, #s - 1) end
