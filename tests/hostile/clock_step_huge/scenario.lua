scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { start = "2022-07-15 08:00", steps = { "6h", "9223372036854775807w" } }
ending { id = 'e', title = 'E', text = 'x' }
