-- Tests of the tutorial. Run: crisisroom test tutorial

-- A good morning, step by step: isolate, test the backups, tell staff, refuse, report.
test("scripted playthrough: back to work by Tuesday", function(t)
  t:start{ seed = 3, variant = "exfil" }
  local g = t.g
  -- turn 1
  t:eq(g.turn, 1, "turn 1")
  t:eq(g.role, "lead", "the Lead moves first")
  t:cmd("choose ransom_note isolate -- stop the spread")
  t:eq(g:meter("spread"), 1, "isolating stops the spread")
  t:cmd("act lead check_backups")
  t:check(g:revealed("backup_check"), "the backup card is on the board")
  t:cmd("act lead restore finance")
  t:eq(g:meter("files"), 65, "60 - 10 (isolation) + 15 (finance)")
  t:cmd("end")
  t:cmd("choose staff_email tell_truth -- staff first")
  t:check(g:revealed("phish_mail"), "a member of staff reports the invoice email")
  t:cmd("act comms update")
  t:cmd("end")
  t:cmd("act exec call_insurer")
  t:cmd("end")
  -- turn 2
  t:eq(g.turn, 2, "turn 2")
  t:check(g:delivered("vendor_call"), "vendor_call follows ransom_note after one turn")
  t:check(g:delivered("insurer_advice"), "the insurer calls back (g:after)")
  t:check(not g:delivered("tenant_post"), "no social post: staff were told")
  t:check(string.find(t:texts(), "pay any responders directly", 1, true),
          "the insurer cancels BayTech's invoice (g:cancel)")
  t:cmd("choose vendor_call hire")
  t:cmd("act lead restore housing")
  t:cmd("end")
  t:cmd("end")
  t:refused("choose ransom_demand pay -- backups are good, so the board refuses")
  t:cmd("choose ransom_demand refuse -- backups are good")
  t:cmd("end")
  -- turn 3
  t:check(g:delivered("forensics"), "forensics follows vendor_call.hire")
  t:check(g:delivered("leak_threat"), "leak_threat follows ransom_demand.refuse")
  t:check(g:delivered("local_news"), "the Gazette calls once the threat is out")
  t:cmd("choose forensics rebuild")
  t:eq(g:meter("spread"), 0, "rebuild sets the spread to 0")
  t:cmd("act lead hunt")
  t:check(g:revealed("vpn_log"), "the first hunt finds the VPN log")
  t:cmd("end")
  t:cmd("choose local_news statement")
  t:cmd("end")
  t:refused("choose leak_threat call_bluff -- no proof yet")
  t:cmd("choose leak_threat notify")
  t:cmd("end")
  -- turn 4: the leak (exfil variant) hurts less after the report
  t:check(g:delivered("data_leak"), "the leak happens in the exfil variant")
  t:cmd("act lead hunt")
  t:check(g:revealed("egress_log"), "the second hunt finds the upload")
  t:eq(g:uses("hunt"), 2, "two hunts")
  t:refused("act lead hunt -- max_uses is 2")
  t:refused("act lead restore housing", "the most allowed on one target")
  t:eq(g:uses("restore", "housing"), 1, "housing restored once (max_uses_per_target = 1)")
  t:cmd("act lead restore shared")
  t:check(g.state.restored_shared, "shared restored")
  t:check(not g:delivered("vendor_invoice"), "no invoice: the insurer pays")
  t:cmd("end")
  t:cmd("act comms update")
  t:cmd("end")
  t:cmd("end")
  -- turn 5
  t:cmd("end")
  t:cmd("end")
  t:cmd("choose board_meeting praise")
  t:cmd("end")
  t:eq(t:ending(), "recovered", "ending")
  local debrief = t:debrief()
  t:check(string.find(debrief, "The files are back (90%; restored: finance, housing, shared)", 1,
                      true), "the ending's text is computed: " .. debrief)
  t:check(string.find(debrief, "trust went from 70 to 93", 1, true), "and the objective's")
  t:check(string.find(debrief, "what really happened: Unplug FS01", 1, true), "history beside")
  t:eq(g:meter("files"), 90, "files")
  t:eq(g:meter("trust"), 93, "trust: 70 +5 +4 +8 +5 +4 -5 +2")
  t:eq(g:meter("spread"), 0, "spread")
  t:eq(g:meter("foothold"), 0, "foothold")
  t:eq(g:history("trust", 0), 70, "trust at the start")
  t:eq(g:choice("ransom_demand"), "refuse", "the demand was refused")
  t:check(g:chosen("leak_threat.notify"), "the regulator was told")
  t:check(g:chosen("board_meeting.praise"), "praise needs notified and trust")
end)

test("refused commands: wrong role, no points, requirements", function(t)
  t:start{ seed = 1 }
  t:refused("choose staff_email tell_truth -- Comms decides, and it is the Lead's move")
  t:refused("act comms update -- not Comms' move")
  t:refused("act lead restore finance -- FS01 is not isolated yet")
  t:refused("act lead restore -- a target is required")
  t:cmd("choose ransom_note isolate")
  t:refused("choose ransom_note watch -- decided already")
  t:cmd("act lead restore finance")
  t:cmd("act lead restore housing -- once_per_turn = false")
  t:eq(t.g:uses("restore"), 2, "restore taken twice in one turn")
  t:refused("act lead check_backups -- no action points left")
  t:cmd("end")
  t:cmd("end")
  t:refused("act exec close_office -- not before turn 3")
  t:cmd("end")
  -- turn 2: hiring BayTech costs 2 points
  t:cmd("act lead hunt")
  t:cmd("act lead restore shared")
  t:refused("choose vendor_call hire -- 2 points, 1 left")
  t:cmd("end")
  t:cmd("end")
  t:cmd("choose ransom_demand pay -- no backup test, so the board lets us")
end)

test("an undecided inject takes its default when it expires", function(t)
  t:start{ seed = 4 }
  t:cmd("end")
  t:cmd("end")
  t:cmd("end")
  local g = t.g
  t:eq(g:choice("ransom_note"), "watch", "the default applied")
  t:eq(g:choice("staff_email"), nil, "no expiry: still open")
  local s = g:meter("spread")
  t:check(s == 4 or s == 6, "the delayed chance effect spread to 4 or 6, got " .. tostring(s))
  t:eq(g:history("spread", 1), 2, "no spread yet at the end of turn 1")
  t:cmd("end")
  t:cmd("end")
  t:cmd("end")
  if s >= 6 then
    t:eq(t:ending(), "network_lost", "early ending at the end of turn 2")
  else
    t:eq(t:ending(), nil, "the game goes on")
    t:eq(g:choice("ransom_demand"), nil, "the demand is open for two turns")
  end
end)

test("random playthroughs over 50 seeds reach several endings", function(t)
  local seen, n = {}, 0
  for s = 1, 50 do
    t:start{ seed = s, variant = "random" }
    t:play("random")
    local e = t:ending()
    t:check(e ~= nil, "seed " .. s .. " ended")
    if not seen[e] then n = n + 1 end
    seen[e] = true
  end
  t:check(n >= 3, "at least three endings reached, got " .. n)
end)

test("first-option playthroughs finish in both variants", function(t)
  for _, v in ipairs({ "exfil", "bluff" }) do
    t:start{ seed = 2, variant = v }
    t:play("first")
    t:check(t:ending() ~= nil, "variant " .. v .. " ended")
  end
end)

test("historical policy: back to work by Tuesday", function(t)
  t:start{ seed = 1, variant = "exfil" }
  t:play("historical")
  t:eq(t:ending(), "recovered", "ending")
  t:check(t.g:chosen("ransom_note.isolate"), "isolated")
  t:check(t.g:chosen("leak_threat.notify"), "reported")
end)

test("bluff variant: the second hunt proves nothing left, and the truth stays hidden", function(t)
  t:start{ seed = 5, variant = "bluff" }
  t:eq(t.g.variant, "bluff", "variant")
  t:play("historical")
  t:check(t.g:revealed("no_egress"), "no_egress found")
  t:check(not t.g:revealed("egress_log"), "egress_log is the exfil variant's card")
  t:check(not t.g:delivered("data_leak"), "no leak")
  t:check(not string.find(t:texts(), "was a bluff", 1, true), "the truth text is not shown to players")
end)

-- The parts of the API that change the game's own cast and clock.

test("on_turn: a team alone tires from turn 4 (add_points)", function(t)
  t:start{ seed = 1 }
  local g = t.g
  t:cmd("choose ransom_note isolate")
  t:play_to(2, "first")
  t:cmd("choose vendor_call alone -- we can do this")
  t:play_to(4, "first")
  t:eq(g.role, "lead", "the Lead's move")
  t:eq(g:points("lead"), 2, "one point less this turn")
  t:eq(g:budget("lead"), 3, "but still three a turn")
end)

test("on_turn: an interim director when trust falls (rename, set_brief, add_budget)", function(t)
  t:start{ seed = 1 }
  local g = t.g
  t:cmd("set trust 40 -- tenants have lost faith")
  t:play_to(3, "first")
  t:eq(g:role_name("exec"), "Interim Director", "renamed")
  t:eq(g:budget("exec"), 2, "two points a turn from now on")
  t:check(string.find(t:texts(), "appoints an interim director", 1, true), "and the players hear it")
  t:play_to(4, "first")
  t:eq(g:points("exec"), 2, "the next turn too")
end)

test("historical = false: the insurer chases only those who stall", function(t)
  t:start{ seed = 1, variant = "bluff" }
  local g = t.g
  t:play_to(3, "first")                       -- the first policy takes no standing actions
  t:check(g:delivered("insurer_chase"), "nobody called the insurer")
  t:check(g:delivered("vendor_call") and not g:delivered("vendor_invoice"), "invoice to come")
  t:play_to(4, "first")
  t:check(g:delivered("vendor_invoice"), "BayTech bills two turns after it was hired")
  t:play("first")
  local debrief = t:debrief()
  local line = string.match(debrief, "The insurer chases you: [^\n]*")
  t:check(line and string.find(line, "this inject never really happened", 1, true) and
          not string.find(line, "what really happened", 1, true), "never claimed as history: " ..
          debrief)
end)
