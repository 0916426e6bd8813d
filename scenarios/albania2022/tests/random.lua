-- Random playthroughs: no errors, and every ending is reachable.

local ENDINGS = { "wrong_door", "stood_together", "firm_but_breached", "quiet_recovery", "long_autumn" }
local VARIANTS = { "historical", "false_flag", "criminal" }

test("random playthroughs over 200 seeds reach every ending", function(t)
  local seen = {}
  for s = 1, 200 do
    t:start{ seed = s, variant = VARIANTS[s % 3 + 1] }
    t:play("random")
    local e = t:ending()
    t:check(e ~= nil, "seed " .. s .. " ended")
    if e then seen[e] = (seen[e] or 0) + 1 end
  end
  for _, id in ipairs(ENDINGS) do
    t:check(seen[id] ~= nil, "ending '" .. id .. "' reached by some random playthrough")
  end
end)

test("first-option playthroughs finish in every variant", function(t)
  for _, v in ipairs(VARIANTS) do
    t:start{ seed = 7, variant = v }
    t:play("first")
    t:check(t:ending() ~= nil, "variant " .. v .. " ended")
  end
end)
