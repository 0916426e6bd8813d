scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
event { id = 'x', turn = 1, to = 'a', channel = 'phone', title = 'X', text = 'x',
  options = { { id = 'o', label = 'O', effects = { set = { m = 0/0 } } } } }
