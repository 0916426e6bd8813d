-- The historical path reproduces what happened in 2022, in the full game and in the 90-minute
-- class; the evidence then supports what the US and UK said on 7 September.

local function as_in_2022(t, g)
  t:check(g:chosen("first_statement.data_safe"), "the government said the data was safe")
  t:check(g:chosen("press_conference.another_state"), "Rama spoke of 'another state'")
  t:check(g:chosen("summit_warning.postpone"), "the summit was postponed")
  t:check(g:chosen("attribution_package.joint"), "Albania attributed jointly with the US and UK")
  t:check(g:chosen("council.sever"), "ties with Iran were severed")
  t:eq(g.state.severed, 1, "state.severed")
  t:check(g:delivered("allied_statements"), "US and UK statements delivered")
  t:check(g:delivered("iran_denial"), "Iran's denial delivered")
  t:check(g:chosen("damage_line.minimal"), "Rama called the damage minimal")
  t:check(g:delivered("balla_interview"), "Taulant Balla's interview")
  t:check(g:delivered("bumci_nato"), "Aldo Bumci's call for NATO protection on 7 September")
  t:check(g:delivered("embassy_burn"), "embassy papers burned")
  t:check(g:delivered("nac_statement"), "NATO statement 'acknowledging' Albania and other Allies")
  t:check(not g:delivered("nac_statement_solo"), "no solo NATO statement")
  t:check(g:delivered("us_sanctions"), "US sanctions on MOIS delivered")
  t:eq(g.state.sanctions, 1, "state.sanctions")
  t:check(g:delivered("eu_statement"), "EU statement delivered")
  t:check(g:delivered("second_attack"), "second attack delivered")
  t:eq(g.state.wave, 3, "the September wave is the large one")
  t:check(g:delivered("wave_major"), "police and border systems went down")
  t:check(g:delivered("same_aggressors"), "Rama blamed 'the same aggressors'")
  t:check(g:delivered("tims_leak"), "TIMS records leaked")
  t:check(g:chosen("article5.set_aside"), "Article 5 weighed and set aside")
  t:check(not g:delivered("doubts_surface") and not g:delivered("allies_withdraw"), "nothing unravels")
  t:eq(t:ending(), "firm_but_breached", "the historical ending")
end

test("historical path: ties severed, sanctions, second attack", function(t)
  t:start{ seed = 1, variant = "historical" }
  t:play("historical")
  as_in_2022(t, t.g)
  t:check(t.g:chosen("help_offers.accept"), "FBI and NATO experts helped in July")
  t:check(t.g:meter("services") >= 95, "services back at the end, got " .. t.g:meter("services"))
end)

test("by 4 August the services are back, as AKSHI reported 1,214 of 1,225", function(t)
  t:start{ seed = 2, variant = "historical" }
  t:play_to(9, "historical")
  t:check(not t.g:delivered("milestone"), "not yet on 29 July")
  t:play_to(10, "historical")
  t:check(t.g:meter("services") >= 90, "services 90%+ on 4 August, got " .. t.g:meter("services"))
  t:check(t.g:delivered("milestone"), "the count is announced on 4 August")
  t:play("historical")
  t:check(t.g:chosen("milestone.exact"), "the exact count was published")
  t:check(string.find(t:debrief(), "^A firm line") ~= nil, "the debrief's ending")
end)

test("on 4 September the evidence says 'almost certain', high confidence; so does the team's matrix", function(t)
  t:start{ seed = 2, variant = "historical" }
  t:play_to(13, "historical")
  local lead, likely, conf = t.g:assessment("evidence", "truth")
  t:eq(lead, "iran", "the evidence points to Iran")
  t:eq(likely, 3, "almost certain")
  t:eq(conf, "high", "with high confidence")
  lead, likely, conf = t.g:assessment("evidence")
  t:eq(lead, "iran", "the analysts' matrix points to Iran")
  t:eq(likely, 3, "and says 'almost certain'")
  t:check((t.g.state.briefed or 0) >= 2, "allies briefed twice by turn 13")
end)

test("in July the evidence carries no judgement yet", function(t)
  t:start{ seed = 3, variant = "historical" }
  t:play_to(5, "historical")
  local lead, likely = t.g:assessment("evidence", "truth")
  t:eq(likely, 0, "no judgement on 19 July (lead " .. tostring(lead) .. ")")
end)

test("the ladder refuses countermeasures before a demand and notice", function(t)
  t:start{ seed = 3, variant = "historical" }
  t:play_to(14, "historical")
  -- on turn 14 Iran has been named (joint attribution on turn 13) but no démarche or notice was given
  t:refused("act sis countermeasure -- hack back at once")
  t:refused("act mfa notify_offer -- notice before a demand")
end)

test("the 90-minute class: 12 turns, and the historical path ends as 2022 did", function(t)
  t:start{ seed = 1, variant = "historical", session = "class90" }
  t:play("historical")
  as_in_2022(t, t.g)
  t:check(t.g:meter("services") >= 85, "services mostly back, got " .. t.g:meter("services"))
end)

test("the 90-minute class pauses four times, one question a phase; the rest wait for the debrief", function(t)
  t:start{ seed = 1, variant = "historical", session = "class90" }
  t:play("historical")
  local d = t:debrief()
  local put = 0
  for _ in d:gmatch("question %d+: put at turn") do put = put + 1 end
  t:check(put == 4, "four questions put at a turn, got " .. put)
  for _, q in ipairs({ "question 1: put at turn 4", "question 2: put at turn 6", "question 4: put at turn 13",
                       "question 6: put at turn 17", "question 3: at the debrief", "question 7: at the debrief" }) do
    t:check(d:find(q, 1, true) ~= nil, "the debrief says " .. q)
  end
end)

test("the full game pauses for its seven questions", function(t)
  t:start{ seed = 1, variant = "historical" }
  t:play("historical")
  local put = 0
  for _ in t:debrief():gmatch("question %d+: put at turn") do put = put + 1 end
  t:check(put == 7, "seven questions put at a turn, got " .. put)
end)
