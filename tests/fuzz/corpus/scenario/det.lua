-- A fixture for the determinism test: its effects iterate tables with
-- string keys and draw random numbers, so any order or seed leak shows in
-- the final state hash.
scenario { id = "det", title = "Determinism", summary = "Order-sensitive effects." }
role { id = "a", name = "A", brief = "Only role.", budget = 3 }
meter { id = "m", name = "M", start = 50, min = -1000000, max = 1000000 }
clock { "1", "2", "3", "4", "5", "6" }

local weights = {}
for i = 1, 300 do weights["key_" .. (i * 7919 % 997)] = i end

action { id = "mix", role = "a", label = "Mix", cost = 1, once_per_turn = false,
  effects = { run = function(g)
    local acc, n = "", 0
    for k, v in pairs(weights) do
      n = n + 1
      if n % 37 == 0 then acc = acc .. k:sub(5) end
      g:add("m", (v % 7) * (n % 3 - 1))
    end
    g.state.trace = ((g.state.trace or "") .. acc):sub(-200)
    g:add("m", math.random(-5, 5))
  end } }

ending { id = "done", title = "Done", text = "The end." }
