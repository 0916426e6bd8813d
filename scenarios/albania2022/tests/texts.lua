-- Issue 14, points 3 and 6: a text that depends on what happened follows it. One test a
-- dependency: a statement of 2022 comes only when its premise holds in this game, and a
-- wrong attribution unravels.

-- The historical path to 4 September, then Albania names Iran alone, "almost certainly".
local function solo_on_4_september(t, variant)
  t:start{ seed = 5, variant = variant }
  t:play_to(13, "historical")
  t:cmd("choose attribution_package almost_certain -- we go alone")
end

test("NATO 'acknowledges the statements by Albania and other Allies' only after a joint attribution", function(t)
  solo_on_4_september(t, "historical")
  t:cmd("end")                                   -- pm
  t:cmd("end")                                   -- akshi
  t:cmd("act mfa brief_nac")
  t:play("historical")
  t:check(not t.g:delivered("nac_statement"), "no statement acknowledging other Allies' attributions")
  t:check(t.g:delivered("nac_statement_solo"), "the Council's solidarity, attributing to no one")
  t:check(not string.find(t:texts(), "other Allies attributing", 1, true), "the 2022 wording never shown")
end)

test("Washington and London speak only when they attributed with Albania", function(t)
  solo_on_4_september(t, "historical")
  t:play("historical")
  t:check(not t.g:delivered("allied_statements"), "no allied statements after a solo attribution")
  t:check(t.g:delivered("allies_cautious"), "allies 'studying Albania's findings' instead")
  t:check(not t.g:delivered("doubts_surface"), "the right actor, fairly worded: nothing unravels")
end)

test("allies are 'studying Albania's findings' only after a solo attribution", function(t)
  t:start{ seed = 1, variant = "historical" }
  t:play("historical")
  t:check(t.g:delivered("allied_statements"), "joint: the allies speak")
  t:check(not t.g:delivered("allies_cautious"), "joint: nobody is 'studying' anything")
end)

test("the US sanctions MOIS only when the evidence carries Iran", function(t)
  solo_on_4_september(t, "false_flag")
  t:cmd("end")
  t:cmd("end")
  t:cmd("act mfa ask_sanctions")
  t:play("historical")
  t:check(not t.g:delivered("us_sanctions"), "no sanctions on MOIS for an attack the evidence puts elsewhere")
  t:check(not string.find(t:texts(), "since at least 2007", 1, true), "Treasury's words never shown")
end)

test("CISA's 'retaliation for public attribution' only after a public attribution and a wave", function(t)
  t:start{ seed = 1, variant = "historical" }
  t:play("historical")
  t:check(t.g:revealed("cisa_retaliation"), "named, and the wave came: the retaliation card")
  t:start{ seed = 4, variant = "historical" }
  t:play_to(13, "historical")
  t:cmd("choose attribution_package silent")
  t:play("historical")
  t:check(not t.g:revealed("cisa_retaliation"), "nothing was attributed: no retaliation for it")
  t:check(t.g:revealed("cisa_public"), "the advisory's own conclusion still lands")
end)

test("'the same aggressors' only when Albania has named aggressors", function(t)
  t:start{ seed = 1, variant = "historical" }
  t:play("historical")
  t:check(t.g:delivered("same_aggressors") and not t.g:delivered("police_findings"), "named: 'the same aggressors'")
  t:start{ seed = 4, variant = "historical" }
  t:play_to(13, "historical")
  t:cmd("choose attribution_package silent")
  t:play("historical")
  t:check(t.g:delivered("police_findings") and not t.g:delivered("same_aggressors"), "not named: no one to blame 'again'")
end)

test("Balla's '100 percent' and Bumci's call come with the break in relations, not without it", function(t)
  solo_on_4_september(t, "historical")
  t:play_to(14, "historical")
  t:cmd("choose council demand -- keep the channel open")
  t:play("historical")
  t:check(not t.g:delivered("balla_interview"), "no severance: no interview about 'this decision'")
  t:check(not t.g:delivered("bumci_nato"), "no severance: no call as the diplomats leave")
  t:check(not t.g:delivered("embassy_burn"), "no severance: no papers burned")
end)

test("the quiet ending says what was published", function(t)
  t:start{ seed = 4, variant = "historical" }
  t:play_to(13, "historical")
  t:cmd("choose attribution_package technical")
  t:play("first")
  local d = t:debrief()
  t:check(not string.find(d, "kept what it knew to itself", 1, true), "technical findings were published")
  if t:ending() == "quiet_recovery" then
    t:check(string.find(d, "published what it knew technically", 1, true) ~= nil, "and the ending says so")
  end
end)

test("a wrong attribution unravels: doubts, a contradicting card, allies withdraw, U", function(t)
  t:start{ seed = 6, variant = "false_flag" }
  t:play_to(6, "historical")
  t:cmd("choose press_conference name_iran -- on what we have")
  local allies = t.g:meter("allies")
  t:play_to(9, "historical")
  t:check(t.g:delivered("doubts_surface"), "a partner service disagrees two turns later")
  t:check(t.g:revealed("liaison_report"), "its contradicting report is on the board")
  t:check(t.g:meter("allies") < allies, "allies hedge")
  t:play("historical")
  t:check(t.g:delivered("allies_withdraw"), "Washington says its findings differ")
  t:check(not t.g:delivered("allied_statements"), "no allied statement repeats the claim")
  t:check(not t.g:delivered("us_sanctions"), "no sanctions follow it")
  t:eq(t:ending(), "wrong_door", "the ending")
  t:check(string.find(t:debrief(), "\nU Attribute with confidence", 1, true) ~= nil, "rated U")
end)

test("'all systems back' is checked against the services", function(t)
  solo_on_4_september(t, "historical")
  t:cmd("act pm address_nation")
  local f = t.g.state.false_claims or 0
  t:play_to(14, "historical")
  t:check(t.g:delivered("damage_line"), "the statement's damage line")
  t:check(t.g:meter("services") >= 95, "services are back on 7 September")
  t:cmd("choose council sever")
  t:cmd("choose damage_line minimal")
  t:eq(t.g.state.false_claims or 0, f, "with the services back, 'minimal damage' is not disproved")
end)
