scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
local a, b = ('x'):rep(20000):rep(1000), ('x'):rep(20000):rep(1000)
while true do local _ = a == b end
