scenario { id = 'h', title = 'H', summary = 'Hostile.' }
role { id = 'a', name = 'A', brief = 'B' }
meter { id = 'm', name = 'M', start = 50 }
clock { 'one', 'two', 'three' }
ending { id = 'e', title = 'E', text = 'x' }
local t = setmetatable({}, { __pairs = function() return function() return 1, 1 end end })
local n = 0
for k in pairs(t) do n = n + 1 end
