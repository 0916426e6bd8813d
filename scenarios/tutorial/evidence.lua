-- The evidence board: how did they get in, and what did they take?
-- Columns group cards by attrs.supports, rows by attrs.level.
-- reliability (A-F) and credibility (1-6) follow the Admiralty code.

board { id = "evidence", title = "How did they get in?",
        columns = { "vpn", "phishing", "other" },
        rows = { "tactical", "operational" } }

card { id = "note_card", board = "evidence", title = "The ransom note",
       text = "'Your files are encrypted.' Extension .hlk. No group name.",
       source = { "stop_ransomware", "nist_61" },            -- one source, or a list
       attrs = { level = "tactical", supports = "other", reliability = "A", credibility = 1 } }

card { id = "phish_mail", board = "evidence", title = "An invoice email on Friday",
       text = "A member of staff clicked a link in an unexpected invoice email on Friday.",
       source = "fiction",
       attrs = { level = "tactical", supports = "phishing", reliability = "C", credibility = 3 } }

card { id = "vpn_log", board = "evidence", title = "VPN logins at 03:12 from abroad",
       text = "The old VPN account of a former employee logged in at 03:12 on Monday.",
       source = "nist_61",
       attrs = { level = "tactical", supports = "vpn", reliability = "B", credibility = 2 } }

card { id = "backup_check", board = "evidence", title = "Sunday's backup is clean",
       text = "A test restore from the offline disk worked.",
       source = "fiction",
       attrs = { level = "operational", supports = "other", reliability = "A", credibility = 1 } }

card { id = "egress_log", board = "evidence", title = "4 GB sent to a cloud drive at 04:00",
       text = "The firewall log shows a large upload from FS01 an hour after the VPN login.",
       source = "fiction",
       attrs = { level = "operational", supports = "vpn", reliability = "B", credibility = 2 } }

card { id = "no_egress", board = "evidence", title = "No large uploads",
       text = "The firewall log shows no unusual upload from FS01 in the last week.",
       source = "fiction",
       attrs = { level = "operational", supports = "vpn", reliability = "B", credibility = 2 } }
