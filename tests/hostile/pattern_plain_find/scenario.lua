scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
local s = string.rep('a', 4000000)
local p = string.rep('a', 1000000) .. 'b'
for i = 1, 100 do string.find(s, p, 1, true) end
