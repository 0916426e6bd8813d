scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
local kept
event { id = 'x', turn = 1, to = 'a', channel = 'phone', title = 'X', text = 'x',
  on_deliver = { run = function(g) kept = g end } }
event { id = 'y', turn = 2, to = 'a', channel = 'phone', title = 'Y', text = 'y',
  on_deliver = { run = function() kept.state.z = kept end } }
