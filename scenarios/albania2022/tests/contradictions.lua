-- Issue 14, point 5: over 2,000 random games per variant, no ending and no rating contradict
-- each other or the hidden truth. Naming the wrong actor is never rated above U and always ends
-- "The wrong door"; an ending that praises the attribution never goes with a poor rating.
-- The 2,000 games of a variant are split into tests of 250 (each test has its own budget).

local TITLE = "Attribute with confidence that matches the evidence"
local CULPRIT = { historical = "iran", false_flag = "russia", criminal = "criminal" }
local GAMES, CHUNK = 2000, 250

local function rating(t)
  local d = t:debrief()
  return string.match(d, "\n(%u) " .. TITLE .. ":")
end

local function check_game(t, v, s)
  local g = t.g
  local named = g.state.named or "none"
  local level = g.state.attr_level or 0
  local wrong = level >= 2 and named ~= "none" and named ~= CULPRIT[v]
  local right = level >= 2 and named == CULPRIT[v]
  local e, r = t:ending(), rating(t)
  local at = " (variant " .. v .. ", seed " .. s .. ": named " .. named .. " at level " .. level ..
    ", ending " .. tostring(e) .. ", attribution rated " .. tostring(r) .. ")"
  t:check(r ~= nil, "the attribution is rated" .. at)
  if wrong then
    t:check(r == "U", "naming the wrong actor is rated U" .. at)
    t:check(e == "wrong_door", "naming the wrong actor ends 'The wrong door'" .. at)
  end
  if e == "wrong_door" then t:check(wrong, "'The wrong door' only after naming the wrong actor" .. at) end
  if e == "stood_together" then
    t:check(right and (r == "P" or r == "S"), "'Allies at the door' only with the right actor, fairly worded" .. at)
  end
  if e == "firm_but_breached" then t:check(right, "'A firm line' only after naming the right actor" .. at) end
  if e == "quiet_recovery" then t:check(level <= 1, "'A quiet recovery' only when no one was named" .. at) end
  if r == "P" or r == "S" then t:check(not wrong, "a good attribution rating never goes with the wrong actor" .. at) end
end

for _, v in ipairs({ "historical", "false_flag", "criminal" }) do
  for first = 1, GAMES, CHUNK do
    test("no contradiction in " .. v .. ", random games " .. first .. " to " .. (first + CHUNK - 1), function(t)
      for s = first, first + CHUNK - 1 do
        t:start{ seed = s, variant = v }
        t:play("random")
        check_game(t, v, s)
      end
    end)
  end
end
