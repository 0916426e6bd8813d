scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
event { id = 'x', turn = 1, to = 'a', channel = 'phone', title = 'X', text = 'x',
  on_deliver = { run = function(g)
    local neg, pos = 0, 0
    for i = 1, 1000 do
      local r = math.random(math.mininteger, math.maxinteger)
      if r < 0 then neg = neg + 1 else pos = pos + 1 end
    end
    local z = math.random(0)
    error(('full range: %s %s, random(0): %s'):format(neg > 400, pos > 400, math.type(z)))
  end } }
