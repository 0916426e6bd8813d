scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
board { id = 'b', title = 'B' }
local text = ('x'):rep(16000)
for i = 1, 1900 do
  card { id = 'c' .. i, board = 'b', title = 'T', text = text }
end
