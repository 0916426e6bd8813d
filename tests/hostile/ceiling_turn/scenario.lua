scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
-- 200 conditions, each well within its own budget, checked every turn
for i = 1, 200 do
  event { id = 'e' .. i, to = 'a', channel = 'phone', title = 'X', text = 'x',
    when = function(g) local x = 0 for j = 1, 1e6 do x = x + j end return false end }
end
