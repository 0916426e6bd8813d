-- Objectives (rated P, S, M or U as in HSEEP) and endings.

objective {
  id = "contain", title = "Contain the ransomware",
  text = "No infected machine left and the intruder locked out (P).",
  score = function(g)
    local s, f = g:meter("spread"), g:meter("foothold")
    if s == 0 and f <= 20 then return "P" elseif s <= 2 then return "S" elseif s < 6 then return "M" end
    return "U"
  end,
}

objective {
  id = "recover", title = "Restore the files",
  text = "90% of files back for P, 75% for S, 50% for M.",
  score = function(g)
    local f = g:meter("files")
    if f >= 90 then return "P" elseif f >= 75 then return "S" elseif f >= 50 then return "M" end
    return "U"
  end,
}

objective {
  id = "inform", title = "Inform staff and tenants",
  -- Computed at the end: how it is judged, and how it went in this game.
  text = function(g)
    return "Staff told on the first morning and tenant trust no lower than at the start (P). " ..
      "Here: staff " .. (g:chosen("staff_email.tell_truth") and "were" or "were not") ..
      " told, and trust went from " .. g:history("trust", 0) .. " to " .. g:meter("trust") .. "."
  end,
  score = function(g)
    local start = g:history("trust", 0)
    local now = g:meter("trust")
    if now >= start and g:chosen("staff_email.tell_truth") then return "P" end
    if now >= start - 10 then return "S" end
    if g:choice("local_news") == "statement" then return "M" end
    return "U"
  end,
}

objective {
  id = "ransom", title = "Decide on the demand with the facts",
  text = "Refuse, and either report the possible breach or prove there was none (P).",
  score = function(g)
    local c = g:choice("ransom_demand")
    if c == "refuse" or c == nil then
      if g:chosen("leak_threat.notify") or (g.variant == "bluff" and g:revealed("no_egress")) then
        return "P"
      end
      return "S"
    end
    if g.state.decrypted then return "M" end
    return "U"
  end,
}

ending {
  id = "network_lost", title = "The network is lost", early = true,
  text = "The ransomware reached six machines and the domain controller. Harbour Lane " ..
    "rebuilds from nothing for a month.",
  when = function(g) return g:meter("spread") >= 6 end,
}

ending {
  id = "scammed", title = "Paid and burned",
  text = "The money is gone and the files are not back. Next time: test the backups first.",
  when = function(g) return g.state.paid == true and not g.state.decrypted end,
}

ending {
  id = "closed", title = "Closed for the week",
  text = "The office closes. Staff rebuild in peace; tenants wait a week for repairs and answers.",
  when = function(g) return g:uses("close_office") > 0 end,
}

ending {
  id = "leaked", title = "Leaked, and tenants heard it elsewhere",
  text = "Tenant files are online and the first tenants heard of it was a leak site.",
  when = function(g) return g:delivered("data_leak") and not g:chosen("leak_threat.notify") end,
}

-- A text may be a function: called once, when the ending is chosen, it tells this game's story.
ending {
  id = "recovered", title = "Back to work by Tuesday",
  text = function(g)
    local back = {}
    for _, f in ipairs({ "finance", "housing", "shared" }) do
      if g:uses("restore", f) > 0 then back[#back + 1] = f end   -- uses per target
    end
    return "The files are back (" .. g:meter("files") .. "%; restored: " ..
      (#back > 0 and table.concat(back, ", ") or "none") ..
      "), the intruder is out and tenants heard it from you."
  end,
  when = function(g)
    return g:meter("files") >= 80 and g:meter("trust") >= 60 and g:meter("foothold") <= 30
  end,
}

ending {
  id = "limped", title = "Limping on",
  text = "Harbour Lane is working again, but something is still missing: files, trust or certainty.",
}
