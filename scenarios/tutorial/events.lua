-- Injects, in the order they usually arrive. Every channel is used once at least:
-- brief, phone, email, social, news, intel.

-- Turn 1 -------------------------------------------------------------------------------
event {
  id = "welcome", turn = 1, to = "all", channel = "brief", source = "fiction",
  title = "How to play",
  text = "Each turn, every role moves in turn: Lead, then Comms, then Exec. On your move: " ..
    "type `inbox` to list your injects and `show EVENT` to read one with its options " ..
    "(try `show ransom_note`). Decide with `choose EVENT OPTION -- why`. Type `actions` " ..
    "for your standing actions and `act ROLE ACTION [TARGET]` to take one; both may cost " ..
    "action points, which refill every turn. `status` shows the meters, `board` the " ..
    "evidence. Type `end` when you are done; after the last role the clock moves on.",
  note = "Read this aloud. Let the Lead try `show ransom_note` before anyone decides.",
}

event {
  id = "ransom_note", turn = 1, to = "lead", channel = "phone",
  source = { "nist_61", "stop_ransomware" },
  title = "FS01 shows a ransom note",
  text = "The office manager phones: every file on FS01 ends in .hlk and a note says " ..
    "'Your files are encrypted. Contact us.' Two PCs are acting strangely. What now? " ..
    "(Decide this turn, or the default applies: you keep watching.)",
  note = "NIST SP 800-61: contain first. Pulling the power also stops the spread but loses " ..
    "the evidence in memory. Waiting lets the encryption reach more machines.",
  on_deliver = { cards = { "note_card" }, state = { isolated = false, backups_ok = false } },
  options = {
    { id = "isolate", label = "Unplug FS01 and the two PCs from the network",
      text = "The spread stops; staff lose the files they could still open.",
      cost = 1, historical = true,
      effects = { meters = { spread = -1, files = -10 }, state = { isolated = true },
                  text = "FS01 is off the network. The spread stops." },
      risk = "Staff lose access to the files still working." },
    { id = "power_off", label = "Pull the power on FS01",
      cost = 1,
      effects = { meters = { spread = -1, files = -10, foothold = 10 },
                  state = { isolated = true, memory_lost = true },
                  text = "FS01 is dark. Whatever was in its memory is gone." },
      risk = "Loses the evidence in memory: how they got in is harder to learn." },
    { id = "watch", label = "Keep it running and watch",
      text = "Nothing changes now. The ransomware keeps working.",
      effects = { after = 1, chance = 0.5, meters = { spread = 4, files = -20 },
                  text = "While you watched, the ransomware reached four more PCs.",
                  otherwise = { meters = { spread = 2, files = -10 },
                                text = "While you watched, the ransomware reached two more PCs." } },
      risk = "The encryption spreads while you wait." },
  },
  expires = 1, default = "watch",
}

event {
  id = "staff_email", turn = 1, to = { "comms", "exec" }, decider = "comms", channel = "email",
  source = "fiction",
  title = "Staff: can we work?",
  text = "Forty staff are at their desks and cannot open their files. Their union rep asks " ..
    "by email what is going on and whether they should go home.",
  options = {
    { id = "tell_truth", label = "Tell staff what happened and what to do",
      text = "A short email: it is ransomware, do not turn on PCs, work on paper until noon.",
      cost = 1, historical = true,
      effects = { meters = { trust = 5 }, state = { staff_told = true }, cards = { "phish_mail" },
                  text = "Staff thank you. One of them comes forward about a strange invoice email." } },
    { id = "say_nothing", label = "Say nothing for now",
      effects = { chance = 0.5, deliver = { "tenant_post" },
                  text = "A member of staff posts about it on social media.",
                  otherwise = { text = "Nobody talks outside. For now." } },
      risk = "Staff talk; tenants may hear it from them first." },
  },
}

-- Turn 2 -------------------------------------------------------------------------------
event {
  id = "vendor_call", after = "ransom_note", delay = 1, to = "lead", channel = "phone",
  source = "fiction",
  title = "Your IT support firm calls back",
  text = "BayTech, your IT support firm, can send two incident responders this afternoon. " ..
    "It costs most of your team's time today to brief them.",
  options = {
    { id = "hire", label = "Bring in BayTech's responders",
      cost = 2, historical = true,
      requires = { max = { spread = 5 }, turn = 2, not_chosen = "ransom_demand.pay",
                   why = "BayTech will not come once the network is lost or a ransom is paid." },
      effects = { text = "BayTech's responders are on their way." } },
    { id = "alone", label = "Handle it in-house",
      effects = { meters = { foothold = 10 }, text = "You save the money. The team is stretched." } },
  },
}

event {
  id = "ransom_demand", turn = 2, to = "exec", channel = "email", source = "stop_ransomware",
  title = "The demand",
  text = "An email from the criminals: 3 bitcoin (about 150,000 euros) within 48 hours for " ..
    "the decryptor. 'Pay and your tenants' data stays private.' You have two turns to answer.",
  note = "CISA and the FBI advise against paying: it funds crime and does not guarantee " ..
    "recovery. The option is blocked once good backups are confirmed.",
  options = {
    { id = "refuse", label = "Do not pay", historical = true,
      effects = { state = { paid = false }, text = "Harbour Lane will not pay." } },
    { id = "pay", label = "Pay the ransom", cost = 1,
      requires = function(g)
        if g.state.backups_ok then
          return false, "Your backups are good; the board will not approve paying."
        end
        return true
      end,
      effects = { state = { paid = true }, run = function(g)
        if g:random() < 0.6 then
          g.state.decrypted = true
          g:set("files", math.max(g:meter("files"), 85))
          g:say("The decryptor works, slowly. Most files come back.")
        else
          g.state.decrypted = false
          g:say("The decryptor crashes on the first folder. The money is gone.")
          g:finish("scammed")
        end
      end },
      risk = "Funds crime, may not work, and may break sanctions rules." },
  },
  expires = 2, default = "refuse",
}

-- Delivered only by an effect (staff_email.say_nothing).
event {
  id = "tenant_post", to = "comms", channel = "social", source = "fiction",
  title = "'Harbour Lane has been hacked?'",
  text = "A post is going round the tenants' group: 'My friend works at Harbour Lane, " ..
    "they've been hacked and nobody's saying anything. Is my bank data safe?'",
  options = {
    { id = "reply", label = "Reply: confirm and promise an update by 14:00", cost = 1,
      historical = true,
      effects = { meters = { trust = 5 }, text = "The thread calms down." } },
    { id = "ignore", label = "Do not reply",
      effects = { meters = { trust = -10 }, run = function(g)
        if g:meter("trust") < 65 then
          g:deliver("local_news")
          g:say("A local reporter has seen the thread.")
        end
      end } },
  },
}

-- Turn 3 -------------------------------------------------------------------------------
event {
  id = "forensics", after = "vendor_call.hire", delay = 1, to = "lead", channel = "intel",
  source = "nist_61",
  title = "BayTech's first findings",
  text = "BayTech found the criminals' tool on two more PCs, not yet triggered. They " ..
    "recommend rebuilding every infected machine from scratch.",
  on_deliver = { meters = { foothold = -20 }, cards = { "vpn_log" } },
  options = {
    { id = "rebuild", label = "Rebuild every infected machine", cost = 2, historical = true,
      effects = { set = { spread = 0 }, meters = { foothold = -10 },
                  text = "Every infected machine is wiped and rebuilt." } },
    { id = "clean", label = "Clean them with antivirus", cost = 1,
      effects = { meters = { spread = -1 } },
      risk = "Cleaning may miss what the criminals left behind." },
  },
}

event {
  id = "leak_threat", after = "ransom_demand.refuse", delay = 1, to = { "lead", "exec" },
  decider = "exec", channel = "email", source = "stop_ransomware",
  title = "'We have your tenants' files'",
  text = "A second email, with five file names from the housing folder: 'We copied " ..
    "everything. Pay, or it goes online on Tuesday.' Is it true?",
  note = "In the 'exfil' variant the theft is real; in 'bluff' it is not. The Lead can find " ..
    "out with a second hunt for the intruder.",
  on_deliver = { state = { threatened = true } },
  options = {
    { id = "notify", label = "Report a possible breach to the data protection regulator",
      cost = 1, historical = true,
      effects = { state = { notified = true }, meters = { trust = 5 },
                  text = "The regulator logs your report. You can now tell tenants the truth." } },
    { id = "call_bluff", label = "Tell them you know they took nothing",
      requires = { cards = { "no_egress" },
                   why = "You need proof that nothing left the network (hunt for the intruder twice)." },
      effects = { meters = { foothold = -5 }, text = "The criminals go quiet." } },
    { id = "wait", label = "Wait and see",
      risk = "If the files are real, tenants learn it from the leak site." },
  },
}

event {
  id = "local_news", channel = "news", to = "all", decider = "comms", source = "fiction",
  from_turn = 3,
  when = function(g)
    return g:meter("trust") < 70 or g:delivered("tenant_post") or g:delivered("leak_threat")
  end,
  title = "The Harbour Gazette calls",
  text = "A reporter asks for a comment on 'a cyberattack at Harbour Lane Housing' for the " ..
    "afternoon edition.",
  options = {
    { id = "statement", label = "Give a short, factual statement", cost = 1, historical = true,
      requires = { chosen = "staff_email.tell_truth",
                   why = "Tell your own staff before you tell the press." },
      effects = { run = function(g)
        if g.turn <= 3 then g:add("trust", 8) else g:add("trust", 3) end
        g:say("The Gazette quotes you: 'We were attacked, we are restoring, tenants will hear from us.'")
      end } },
    { id = "no_comment", label = "No comment",
      effects = { meters = { trust = -10 }, text = "'Harbour Lane declined to comment.'" } },
  },
}

-- Turn 4 -------------------------------------------------------------------------------
event {
  id = "data_leak", channel = "social", to = "all", source = "fiction", from_turn = 4,
  when = function(g) return g.variant == "exfil" and g:delivered("leak_threat") end,
  title = "Tenant files on a leak site",
  text = "The criminals post a sample of tenant files. Screenshots circulate in the tenants' group.",
  note = "Only in the 'exfil' variant. Reporting to the regulator first softens the blow.",
  on_deliver = { run = function(g)
    if g:chosen("leak_threat.notify") then
      g:add("trust", -5)
      g:say("Tenants are angry, but they heard it from you first.")
    else
      g:add("trust", -25)
      g:say("Tenants learn about the theft from a leak site, not from you.")
    end
  end },
}

-- Delivered by the Exec's `call_insurer` action through g:after. The insurer then pays any
-- responders directly, so BayTech's invoice, if still to come, is cancelled (g:cancel).
event {
  id = "insurer_advice", to = "exec", channel = "phone", source = "fiction",
  title = "The insurer's hotline calls back",
  text = "Your insurer will pay for the responders and asks you not to talk to the " ..
    "criminals without them. Backups first, then decide.",
  on_deliver = { meters = { foothold = -5 }, run = function(g)
    if g:cancel("vendor_invoice") then g:say("The insurer will pay any responders directly.") end
  end },
}

-- Two turns after BayTech is hired, unless the insurer cancelled it first.
event {
  id = "vendor_invoice", after = "vendor_call.hire", delay = 2, to = "exec", channel = "email",
  source = "fiction",
  title = "BayTech's invoice",
  text = "BayTech bills 12,000 euros for two days of incident response. Nobody had asked the " ..
    "insurer first.",
}

-- Only if nobody calls the insurer by turn 3: a branch that exists only when players stall.
-- historical = false: the debrief never says it "really happened" (its `historical` option
-- is only what the historical policy would play).
event {
  id = "insurer_chase", from_turn = 3, to = "exec", channel = "email", source = "fiction",
  historical = false,
  when = function(g) return g:uses("call_insurer") == 0 end,
  title = "The insurer chases you",
  text = "Your insurer heard about the attack from a tenant and asks why nobody has called " ..
    "the breach hotline. The policy requires it before you pay anyone.",
  options = {
    { id = "call_now", label = "Call the hotline now", cost = 1, historical = true,
      effects = { run = function(g) g:after(1, "insurer_advice") end } },
    { id = "ignore", label = "Leave it for later", effects = { meters = { trust = -3 } } },
  },
}

-- Turn 5 -------------------------------------------------------------------------------
event {
  id = "board_meeting", turn = 5, to = "exec", channel = "brief", source = "hseep",
  title = "Tuesday: the board meets",
  text = "The board wants to know what happened and what changes. What do you propose?",
  options = {
    { id = "review", label = "Commission an honest lessons-learned review", historical = true,
      effects = { state = { review = true }, text = "The board approves a review." } },
    { id = "praise", label = "Report that the plan worked and thank the team",
      requires = { state = { notified = true }, min = { trust = 50 },
                   why = "Only if you reported to the regulator and tenants still trust you." },
      effects = { meters = { trust = 2 }, text = "The board thanks the team." } },
  },
}
