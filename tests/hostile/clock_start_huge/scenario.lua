scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { start = "99999999999-07-15 08:00", steps = { "6h" } }
ending { id = 'e', title = 'E', text = 'x' }
