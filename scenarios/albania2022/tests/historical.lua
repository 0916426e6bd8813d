-- The historical path reproduces what happened in 2022.

test("historical path: ties severed, sanctions, second attack", function(t)
  t:start{ seed = 1, variant = "historical" }
  t:play("historical")
  local g = t.g
  t:check(g:chosen("first_statement.data_safe"), "the government said the data was safe")
  t:check(g:chosen("press_conference.another_state"), "Rama spoke of 'another state'")
  t:check(g:chosen("summit_warning.postpone"), "the summit was postponed")
  t:check(g:chosen("attribution_package.joint"), "Albania attributed jointly with the US and UK")
  t:check(g:chosen("council.sever"), "ties with Iran were severed")
  t:eq(g.state.severed, 1, "state.severed")
  t:check(g:delivered("allied_statements"), "US and UK statements delivered")
  t:check(g:delivered("iran_denial"), "Iran's denial delivered")
  t:check(g:delivered("embassy_burn"), "embassy papers burned")
  t:check(g:delivered("nac_statement"), "NATO statement delivered")
  t:check(g:delivered("us_sanctions"), "US sanctions on MOIS delivered")
  t:eq(g.state.sanctions, 1, "state.sanctions")
  t:check(g:delivered("eu_statement"), "EU statement delivered")
  t:check(g:delivered("second_attack"), "second attack delivered")
  t:eq(g.state.wave, 3, "the September wave is the large one")
  t:check(g:delivered("wave_major"), "police and border systems went down")
  t:check(g:delivered("tims_leak"), "TIMS records leaked")
  t:check(g:chosen("article5.set_aside"), "Article 5 weighed and set aside")
  t:eq(t:ending(), "firm_but_breached", "the historical ending")
end)

test("historical variant: the case is strong enough for 'almost certainly' by 4 September", function(t)
  t:start{ seed = 2, variant = "historical" }
  t:play_to(13, "historical")
  t:check(t.g:meter("case") >= 80, "case >= 80 at turn 13, got " .. tostring(t.g:meter("case")))
  t:check((t.g.state.briefed or 0) >= 2, "allies briefed twice by turn 13")
end)

test("the ladder refuses countermeasures before a demand and notice", function(t)
  t:start{ seed = 3, variant = "historical" }
  t:play_to(14, "historical")
  -- on turn 14 Iran has been named (joint attribution on turn 13) but no démarche or notice was given
  t:refused("act sis countermeasure -- hack back at once")
  t:refused("act mfa notify_offer -- notice before a demand")
end)
