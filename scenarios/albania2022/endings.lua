-- Objectives (HSEEP ratings), endings, variants and discussion questions.
-- One rule runs through the ratings and the endings: naming the wrong actor (A22.named_wrong)
-- is rated U and ends "The wrong door", whatever else went well; the ratings of the wording
-- and the analysis follow what the evidence showed when the words were said (lib.lua).

objective {
  id = "restore", title = "Restore public services",
  text = "e-Albania, tax and customs, the civil registry and government sites back by the end (95% P, 85% S, 60% M).",
  score = function(g)
    local s = g:meter("services")
    if s >= 95 then return "P" elseif s >= 85 then return "S" elseif s >= 60 then return "M" end
    return "U"
  end,
}

-- The wording: said in public (or, unsaid, to allies in private) against what the evidence
-- supported at that moment. Naming the wrong actor is U.
local function attribute_rating(g)
  if A22.named_wrong(g) then return "U" end
  if A22.named(g) then
    local gap = A22.wording_gap(g)
    if gap == 0 then return "P" elseif gap == 1 then return "S" elseif gap == 2 then return "M" end
    return "U"
  end
  -- Albania named no one in public. Fine while the evidence carried no judgement; else it
  -- matters whether the allies were told, in private, the conclusion the evidence carried.
  local lead, likely = A22.evidence(g)
  if not lead or likely < 2 then return "P" end
  if g.state.private_named == lead then return "S" end
  return "M"
end

objective {
  id = "attribute", title = "Attribute with confidence that matches the evidence",
  text = function(g)
    local said = A22.named(g) and ("Albania named " .. A22.WHO[g.state.named] .. ", " ..
      A22.WORDS[g.state.attr_level] .. ", on turn " .. ("%d"):format(g.state.attr_turn) .. ", when the evidence " ..
      "supported " .. ({ [0] = "no judgement", "'likely'", "'very likely'", "'almost certain'" })[g.state.attr_support] ..
      " for it") or "Albania named no one in public"
    if A22.named_wrong(g) then said = said .. "; it was the wrong actor (rated U)" end
    return "Whatever Albania said in public, or told allies in private, fits the strength of " ..
      "the evidence at the time and names the right actor. Here: " .. said .. "."
  end,
  score = attribute_rating,
}

objective {
  id = "analysis", title = "Grade the sources and weigh the evidence",
  text = "SIS grades the cards as their sources deserve (P: most graded, at most one step off on " ..
    "average) and its matrix points to the right actor without claiming more than the evidence carries.",
  score = function(g)
    local lead, likely = g:assessment("evidence")
    local real, real_likely = A22.evidence(g)
    local culprit = A22.culprit(g)
    if lead and lead ~= culprit and likely >= 1 then return "U" end
    local n, off, graded = 0, 0, 0
    -- the grading: the team's grade of each revealed card against the author's
    for _, c in ipairs(A22.CARDS) do
      if g:revealed(c.id) then
        n = n + 1
        local r, k = g:grade(c.id)
        if r then
          graded = graded + 1
          off = off + math.abs(string.byte(r) - string.byte(c.r)) + math.abs(k - c.k)
        end
      end
    end
    if n == 0 or graded * 2 < n then return "M" end
    local mean = off / graded
    local right = lead == culprit and likely <= real_likely
    if right and mean <= 1 and graded * 4 >= n * 3 then return "P" end
    if (right or not lead) and mean <= 2 then return "S" end
    return "M"
  end,
}

objective {
  id = "allies", title = "Coordinate with allies",
  text = "The US, UK, NATO and the EU stand with Albania (allied support 75 and a joint or NATO statement for P).",
  score = function(g)
    local a = g:meter("allies")
    if A22.named_wrong(g) then return a >= 40 and "M" or "U" end
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
  text = function(g)
    local after = (g.state.retracted or 0) > 0 and
      " Withdrawing the claim limited the damage, but did not undo it." or
      " As the case unravels, the real attacker is untouched."
    return "Albania put its name, and its allies' patience, behind an accusation the evidence did " ..
      "not carry." .. after .. " Tirana's word is worth less the next time it matters."
  end,
  when = A22.named_wrong,
}

ending {
  id = "stood_together", title = "Allies at the door",
  text = "Albania named its attacker on solid evidence with its allies beside it, and the police and " ..
    "border systems held through the autumn. Deterrence in cyberspace is thin, but this time a small " ..
    "state did not stand alone.",
  when = function(g)
    return A22.named_right(g) and A22.wording_gap(g) <= 1 and
      ((g.state.attr_joint or 0) == 1 or g:meter("allies") >= 80) and (g.state.wave or 0) <= 2
  end,
}

ending {
  id = "firm_but_breached", title = "A firm line, an open flank",
  text = "Albania answered loudly: attribution, a break in relations, allies and sanctions. But the " ..
    "intruders were still inside, and the answer to the answer hit the police and the borders. " ..
    "This is close to what happened in 2022.",
  when = function(g)
    return A22.named_right(g) and (g.state.wave or 0) >= 3
  end,
}

ending {
  id = "quiet_recovery", title = "A quiet recovery",
  text = function(g)
    local what = (g.state.attr_level or 0) == 1 and "published what it knew technically and named no one"
      or "kept what it knew to itself and its allies and named no one"
    return "Albania rebuilt, " .. what .. ". Services are back and the borders held, but the " ..
      "attacker paid nothing, and may be back."
  end,
  when = function(g)
    return not A22.named(g) and g:meter("services") >= 85 and (g.state.wave or 0) <= 2
  end,
}

ending {
  id = "long_autumn", title = "A long autumn",
  text = "Neither the networks nor the diplomacy were settled by the end of October. Some services " ..
    "still fail, the public is unsure whom to believe, and the allies are waiting to see what Albania will do.",
}

-- Variants: the hidden truth, shown at the debrief only.
variant {
  id = "historical", title = "As in 2022", weight = 2, hypothesis = "iran",
  truth = "Iranian state actors did it: operators linked to Iran's Ministry of Intelligence and " ..
    "Security (MOIS, EUROPIUM) got in through SharePoint in 2021, and another Iranian actor deployed " ..
    "ROADSWEEP and the wiper in July 2022 under the HomeLand Justice persona.",
}
variant {
  id = "false_flag", title = "Borrowed clothes", hypothesis = "russia",
  truth = "A Russian military intelligence unit ran the operation from start to finish, using " ..
    "leaked Iranian malware and anti-MEK slogans so that Albania and its allies would blame Tehran.",
}
variant {
  id = "criminal", title = "Opportunists", hypothesis = "criminal",
  truth = "A financially motivated ransomware crew bought access from a broker, rebuilt leaked Iranian " ..
    "tools and posed as Iranian-backed hacktivists to sell Albanian government data.",
}

-- Discussion questions: the pause points put to the room as a phase begins, then the debrief's.
question { turn = 4, text = "Media blame Russia, the ransom note blames the 'DURRES terrorists', and AKSHI cannot yet say what was taken. What do you actually know, and what will you tell the public today?" }
question { turn = 6, text = "Before the press conference: grade the cards on the board. What does your matrix support today, and what would naming a state now cost and gain?" }
question { turn = 10, text = "Mandiant speaks of 'moderate confidence'. Is a company's moderate confidence enough to attribute? What does your own matrix say, and with what confidence (ICD 203)?" }
question { turn = 13, text = "Attribute now or wait; alone, with allies, or privately to allies first? Which wording does your evidence carry today?" }
question { turn = 14, text = "Albania cut ties with Iran on 7 September 2022, possibly the first state to do so over a cyberattack. Was it proportionate, and was it retorsion or a countermeasure?" }
question { turn = 17, text = "CISA later judged the September wave 'likely done in retaliation for public attribution'. Should that risk deter attribution? Could you have made the wave smaller?" }
question { turn = 20, text = "Fourteen months inside, less than 10% of the environment affected, leaks into October: how do you measure 'recovered'?" }
question "Which earlier choice most changed the size of the 9 September attack on police and border systems, and could you have known it at the time?"
question "How close were your grades to what the sources deserved? Which card moved your matrix most, and was it diagnostic or only consistent with your favourite hypothesis?"
question "The government said 'the data is safe' on 17-18 July 2022. What would you have said, knowing the April and December 2021 leaks?"
question "What does international law ask before a countermeasure (a wrongful act attributed to a state, a demand, notice and an offer to negotiate), and did you meet it?"
question "Reports disagree: 1,118 or 1,214 of 1,225 services restored; the MEK's arrival in 2013, 2014 or 2016; the summit 'a week before' the attack or eight days after it. How do you check claims under time pressure?"
question "HomeLand Justice returned in December 2023 (One Albania, the Parliament) and 2024 (INSTAT). What would have made Albania a harder target?"
