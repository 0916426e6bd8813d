-- Objectives (HSEEP ratings), endings, variants and debrief questions.

-- Evidence band for an honest public wording: 1 technical only/none, 2 likely, 3 highly likely,
-- 4 almost certainly (roughly ICD 203 / UK PHIA).
local function band(case)
  if case >= 80 then return 4 elseif case >= 60 then return 3 elseif case >= 40 then return 2 end
  return 1
end

objective {
  id = "restore", title = "Restore public services",
  text = "e-Albania, tax and customs, the civil registry and government sites back by the end (95% P, 85% S, 60% M).",
  score = function(g)
    local s = g:meter("services")
    if s >= 95 then return "P" elseif s >= 85 then return "S" elseif s >= 60 then return "M" end
    return "U"
  end,
}

objective {
  id = "attribute", title = "Attribute with confidence that matches the evidence",
  text = "Whatever Albania said in public (or did not say) fits the strength of the case at the time, and names the right actor.",
  score = function(g)
    local lvl = g.state.attr_level or 0
    local named = g.state.named or "none"
    if named == "iran" and g.variant ~= "historical" and lvl >= 3 then return "U" end
    if named == "russia" and g.variant ~= "false_flag" then return "U" end
    if named == "russia" then return "S" end
    local said = lvl < 1 and 1 or lvl
    local case = (lvl >= 1) and (g.state.attr_case or 0) or g:meter("case")
    local diff = math.abs(said - band(case))
    if lvl == 0 and g.variant == "historical" and g:meter("case") >= 80 then diff = math.max(diff, 1) end
    if diff == 0 then return "P" elseif diff == 1 then return "S" elseif diff == 2 then return "M" end
    return "U"
  end,
}

objective {
  id = "allies", title = "Coordinate with allies",
  text = "The US, UK, NATO and the EU stand with Albania (allied support 75 and a joint or NATO statement for P).",
  score = function(g)
    local a = g:meter("allies")
    local together = (g.state.attr_joint or 0) == 1 or g:delivered("nac_statement")
    if a >= 75 and together then return "P" elseif a >= 60 then return "S" elseif a >= 40 then return "M" end
    return "U"
  end,
}

objective {
  id = "borders", title = "Protect police and border systems",
  text = "The September wave is kept small and police and border systems are working by the end.",
  score = function(g)
    local w = g.state.wave or 0
    local b = g:meter("border")
    if w <= 1 and b >= 80 then return "P" end
    if w <= 2 and b >= 60 then return "S" end
    if b >= 40 then return "M" end
    return "U"
  end,
}

objective {
  id = "truth", title = "Inform the public truthfully",
  text = "No public statement is later shown to be false, and public trust holds.",
  score = function(g)
    local f = g.state.false_claims or 0
    local t = g:meter("trust")
    if f == 0 and t >= 60 then return "P" elseif f <= 1 and t >= 45 then return "S" elseif t >= 30 then return "M" end
    return "U"
  end,
}

-- Endings: the first whose `when` holds is chosen; the last is the fallback.
ending {
  id = "wrong_door", title = "The wrong door",
  text = "Albania put its name, and its allies' patience, behind an accusation the evidence did not " ..
    "carry. As the case unravels, the real attacker is untouched and Tirana's word is worth less the " ..
    "next time it matters.",
  when = function(g)
    local named, lvl = g.state.named, (g.state.attr_level or 0)
    if named == "iran" and lvl >= 2 and g.variant ~= "historical" then return true end
    if named == "russia" and g.variant ~= "false_flag" then return true end
    return false
  end,
}

ending {
  id = "stood_together", title = "Allies at the door",
  text = "Albania named its attacker on solid evidence with its allies beside it, and the police and " ..
    "border systems held through the autumn. Deterrence in cyberspace is thin, but this time a small " ..
    "state did not stand alone.",
  when = function(g)
    local right = (g.state.named == "iran" and g.variant == "historical") or
                  (g.state.named == "russia" and g.variant == "false_flag")
    return right and (g.state.attr_level or 0) >= 2 and g:meter("allies") >= 80 and (g.state.wave or 0) <= 2
  end,
}

ending {
  id = "firm_but_breached", title = "A firm line, an open flank",
  text = "Albania answered loudly: attribution, a break in relations, allies and sanctions. But the " ..
    "intruders were still inside, and the answer to the answer hit the police and the borders. " ..
    "This is close to what happened in 2022.",
  when = function(g)
    return (g.state.attr_level or 0) >= 2 and (g.state.wave or 0) >= 3
  end,
}

ending {
  id = "quiet_recovery", title = "A quiet recovery",
  text = "Albania rebuilt, published what it knew technically and named no one. Services are back and " ..
    "the borders held, but the attacker paid nothing, and may be back.",
  when = function(g)
    return (g.state.attr_level or 0) <= 1 and g:meter("services") >= 85 and (g.state.wave or 0) <= 2
  end,
}

ending {
  id = "long_autumn", title = "A long autumn",
  text = "Neither the networks nor the diplomacy were settled by the end of October. Some services " ..
    "still fail, the public is unsure whom to believe, and the allies are waiting to see what Albania will do.",
}

-- Variants: the hidden truth, shown at the debrief only.
variant {
  id = "historical", title = "As in 2022", weight = 2,
  truth = "Iranian state actors did it: operators linked to Iran's Ministry of Intelligence and " ..
    "Security (MOIS, EUROPIUM) got in through SharePoint in 2021, and another Iranian actor deployed " ..
    "ROADSWEEP and the wiper in July 2022 under the HomeLand Justice persona.",
}
variant {
  id = "false_flag", title = "Borrowed clothes",
  truth = "A Russian military intelligence unit ran the operation from start to finish, using " ..
    "leaked Iranian malware and anti-MEK slogans so that Albania and its allies would blame Tehran.",
}
variant {
  id = "criminal", title = "Opportunists",
  truth = "A financially motivated ransomware crew bought access from a broker, rebuilt leaked Iranian " ..
    "tools and posed as Iranian-backed hacktivists to sell Albanian government data.",
}

question "Which earlier choice most changed the size of the 9 September attack on police and border systems, and could you have known it at the time?"
question "Did your public wording ('likely', 'highly likely', 'almost certainly') match the evidence on the board when you spoke? Which card moved you most, and how reliable was its source?"
question "The government said 'the data is safe' on 17-18 July 2022. What would you have said, knowing the April and December 2021 leaks?"
question "Albania cut ties with Iran on 7 September 2022, possibly the first state to do so over a cyberattack. Was it proportionate, and was it retorsion or a countermeasure?"
question "What does international law ask before a countermeasure (a wrongful act attributed to a state, a demand, notice and an offer to negotiate), and did you meet it?"
question "CISA judged the September wave 'likely done in retaliation for public attribution'. Should that risk deter attribution?"
question "Microsoft reported less than 10% of the environment affected and Rama called the damage minimal; HomeLand Justice kept leaking into October. How do you measure 'recovered'?"
question "The seeds give 1,118 restored services and place the MEK summit 'a week before' the attack; sourced reports say 1,214 of 1,225 and 23-24 July. How do you check claims under time pressure?"
question "HomeLand Justice returned in December 2023 (One Albania, the Parliament) and 2024 (INSTAT). What would have made Albania a harder target?"
