scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
ending { id = 'z', title = 'Z', text = 'z', early = true, when = function(g) while true do end end }
ending { id = 'fallback', title = 'F', text = 'f' }
