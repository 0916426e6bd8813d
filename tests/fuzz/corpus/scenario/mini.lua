scenario { id = "mini", title = "Mini", summary = "A fixture for engine tests.",
  sources = { s1 = { title = "A source", publisher = "Nobody", date = "2024" } } }
role { id = "a", name = "Alpha", brief = "First role.", budget = 2 }
role { id = "b", name = "Beta", brief = "Second role.", budget = 1 }
meter { id = "m", name = "Meter", start = 50 }
meter { id = "h", name = "Hidden", start = 10, hidden = true, good = "low" }
clock { "T1", "T2", "T3" }
event { id = "e1", turn = 1, to = "a", channel = "phone", source = "s1", title = "E1", text = "First.",
  options = {
    { id = "x", label = "X", cost = 1, effects = { meters = { m = 10 }, state = { picked = "x" } } },
    { id = "y", label = "Y", effects = { { meters = { m = -10 } }, { after = 1, meters = { h = 5 }, text = "later" } } },
    { id = "z", label = "Z", cost = 5 },
  } }
event { id = "e2", after = "e1.x", delay = 1, to = "all", channel = "news", source = "fiction", title = "E2", text = "Second.",
  options = { { id = "ok", label = "OK", effects = { run = function(g) g:add("m", g.state.counter or 1); g.state.counter = 7 end } } } , decider = "b" }
event { id = "e3", when = function(g) return g:meter("m") >= 60 end, to = "b", channel = "intel", source = "s1", title = "E3", text = "Third." }
action { id = "poke", role = "a", label = "Poke", targets = { "p1", { id = "p2", label = "P two" } },
  effects = { run = function(g) g:add("h", g.target == "p1" and 1 or 2) end } }
action { id = "roll", role = "b", label = "Roll", effects = { chance = 0.5, meters = { m = 1 }, otherwise = { meters = { m = -1 } } } }
board { id = "ev", title = "Evidence" }
card { id = "c1", board = "ev", title = "C1", text = "Card.", attrs = { level = "tactical", supports = "x" } }
objective { id = "o1", title = "Keep m high", score = function(g) return g:meter("m") >= 60 and "P" or "M" end }
ending { id = "good", title = "Good", text = "Good end.", when = function(g) return g:meter("m") >= 60 end }
ending { id = "plain", title = "Plain", text = "Plain end." }
variant { id = "v1", title = "V1", truth = "Truth one." }
variant { id = "v2", title = "V2", truth = "Truth two." }
question "Why?"
