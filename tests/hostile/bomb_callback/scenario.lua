scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
event { id = 'x', to = 'a', channel = 'phone', title = 'X', text = 'x',
  when = function(g)
    local t = {}
    for i = 1, 1e9 do t[i] = ('x'):rep(10):rep(100) .. i end
  end }
