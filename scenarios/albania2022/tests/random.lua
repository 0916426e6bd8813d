-- Random playthroughs: no errors, and every ending is reachable.

local ENDINGS = { "wrong_door", "stood_together", "firm_but_breached", "long_autumn" }
local VARIANTS = { "historical", "false_flag", "criminal" }

test("random playthroughs over 200 seeds reach every ending that random play can", function(t)
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

-- Random players nearly always name someone; the quiet road is a choice made on purpose.
test("a quiet recovery: clean the network, isolate TIMS, tell allies privately, name no one", function(t)
  t:start{ seed = 4, variant = "historical" }
  t:play_to(12, "historical")
  t:cmd("end")                                   -- pm
  t:cmd("act akshi reset_credentials")
  t:cmd("act akshi patch_sharepoint")
  t:cmd("end")
  t:cmd("end")                                   -- mfa
  t:cmd("act sis segment_police")
  t:cmd("end")
  t:cmd("choose attribution_package silent -- keep it to ourselves and our allies")
  t:cmd("end")
  t:cmd("act akshi hunt_webshells")
  t:cmd("act akshi rebuild_clean sites")
  t:play("first")
  t:eq(t:ending(), "quiet_recovery", "the quiet road")
  t:check(string.find(t:debrief(), "kept what it knew to itself", 1, true) ~= nil,
          "the ending says no technical findings were published")
end)

test("first-option playthroughs finish in every variant", function(t)
  for _, v in ipairs(VARIANTS) do
    t:start{ seed = 7, variant = v }
    t:play("first")
    t:check(t:ending() ~= nil, "variant " .. v .. " ended")
  end
end)
