scenario { id = 't', title = 'T', summary = 'S' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two' }
event { id = 'x', turn = 1, to = 'a', channel = 'phone', title = 'X', text = 'x',
  options = { { id = 'o', label = 'O', effects = { run = function(g) g:add('m', 0/0) end } } } }
ending { id = 'e', title = 'E', text = 'x', when = function(g) return g:meter('m') > 1e308 end }
