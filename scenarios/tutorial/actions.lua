-- Standing actions: moves a role may take on any turn its requirements hold.

local GAIN = { finance = 15, housing = 15, shared = 10 }

action {
  id = "check_backups", role = "lead", label = "Test a restore from the backup disk", cost = 1,
  max_uses = 1, historical = { 1 },
  effects = { cards = { "backup_check" }, state = { backups_ok = true },
              text = "A test restore works: Sunday's backup is clean." },
}

action {
  id = "hunt", role = "lead", label = "Hunt for how they got in", cost = 1, max_uses = 2,
  historical = { 2, 4 },
  effects = { meters = { foothold = -15 }, run = function(g)
    local logins = math.random(2, 5)          -- math.random is the engine's generator
    g:say(logins .. " suspicious logins found in the logs.")
    if g:uses("hunt") <= 1 then               -- counts this use
      g:reveal("vpn_log")
    elseif g.variant == "exfil" then
      g:reveal("egress_log")
    else
      g:reveal("no_egress")
    end
  end },
}

action {
  id = "restore", role = "lead", label = "Restore a folder from Sunday's backup", cost = 1,
  text = "Copy one folder back from the offline backup disk.",
  targets = { { id = "finance", label = "Finance" },
              { id = "housing", label = "Housing (tenant files)" },
              { id = "shared", label = "Shared documents" } },
  once_per_turn = false, max_uses_per_target = 1, historical = { 3, 4 },  -- each folder once
  requires = function(g)
    if not g.state.isolated then
      return false, "Isolate FS01 first, or the restored files are encrypted again."
    end
    return true
  end,
  effects = { run = function(g)
    g.state["restored_" .. g.target] = true
    g:add("files", GAIN[g.target])
    g:say("The " .. g.target .. " folder is back.")
  end },
}

action {
  id = "update", role = "comms", label = "Post an update for tenants", cost = 1,
  historical = { 1, 3 },
  requires = { delivered = "staff_email", why = "Deal with your staff's email first." },
  effects = { meters = { trust = 4 }, text = "Tenants read a short, honest update." },
}

action {
  id = "call_insurer", role = "exec", label = "Call the insurer's breach hotline", cost = 1,
  max_uses = 1, historical = { 1 },
  effects = { run = function(g)
    g:after(1, "insurer_advice")
    g:say("The insurer will call back within the hour.")
  end },
}

action {
  id = "close_office", role = "exec", label = "Close the office for the week", cost = 1,
  max_uses = 1,
  requires = { turn = 3, max = { files = 55 },
               why = "Only from turn 3, and only while 55% of files or fewer are back." },
  effects = { finish = "closed", text = "Harbour Lane closes its doors until next Monday." },
  risk = "Ends the game: tenants go without help for a week.",
}
