-- In variant mode the hidden truth never shows before the debrief.

local TRUTH = {
  false_flag = "A Russian military intelligence unit ran the operation from start to finish, using " ..
    "leaked Iranian malware and anti-MEK slogans so that Albania and its allies would blame Tehran.",
  criminal = "A financially motivated ransomware crew bought access from a broker, rebuilt leaked Iranian " ..
    "tools and posed as Iranian-backed hacktivists to sell Albanian government data.",
}
local GIVEAWAYS = { "false flag", "false-flag", "borrowed clothes" }

for _, v in ipairs({ "false_flag", "criminal" }) do
  test("variant " .. v .. ": the truth stays hidden", function(t)
    for s = 1, 30 do
      t:start{ seed = s, variant = v }
      t:eq(t.g.variant, v, "variant in play")
      t:play(s % 2 == 0 and "random" or "first")
      local texts = t:texts()
      t:check(not string.find(texts, TRUTH[v], 1, true), "truth text leaked (seed " .. s .. ")")
      local low = string.lower(texts)
      for _, w in ipairs(GIVEAWAYS) do
        t:check(not string.find(low, w, 1, true), "giveaway '" .. w .. "' in texts (seed " .. s .. ")")
      end
    end
  end)
end

test("variant evidence differs: the industry partners find different things", function(t)
  t:start{ seed = 5, variant = "criminal" }
  t:play_to(10, "historical")
  t:check(not t.g:revealed("partner_phases"), "no historical operational card in the criminal variant")
  t:check(t.g:revealed("partner_builds"), "the criminal variant's card is revealed instead")
end)

-- Neutral evidence is neutral in every variant: before any analysis comes back, the cards on
-- the board (the ransom note, the rumours, the summit, the MEK, the tools) carry no judgement.
for _, v in ipairs({ "historical", "false_flag", "criminal" }) do
  test("variant " .. v .. ": the evidence of the first days favours no one", function(t)
    t:start{ seed = 8, variant = v }
    t:play_to(5, "first")
    local lead, likely = t.g:assessment("evidence", "truth")
    t:eq(likely, 0, "no judgement (lead " .. tostring(lead) .. ")")
  end)
end

test("variant false_flag: what the analysis finds points away from Iran", function(t)
  t:start{ seed = 9, variant = "false_flag" }
  t:play_to(13, "historical")
  local lead, likely = t.g:assessment("evidence", "truth")
  t:check(lead ~= "iran", "the evidence does not lead to Iran (lead " .. tostring(lead) .. ")")
  t:check(not t.g:chosen("attribution_package.joint"), "allies would not join")
  t:refused("choose attribution_package joint", "Allied analysts")
end)
