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
  t:check(not t.g:revealed("ms_handoff"), "no historical operational card in the criminal variant")
  t:check(t.g:revealed("cr_builds"), "the criminal variant's card is revealed instead")
end)
