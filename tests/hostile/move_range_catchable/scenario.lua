scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
local ok, e = pcall(table.move, {}, 0, math.maxinteger, 1)
error('caught: ' .. e)
