scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
-- 40 conditions, each printing just under its own share, every turn
for i = 1, 40 do
  event { id = 'e' .. i, to = 'a', channel = 'phone', title = 'X', text = 'x',
    when = function(g)
      for j = 1, 60 do print(('x'):rep(100)) end
      if g.turn == 3 then error('printed') end
      return false
    end }
end
