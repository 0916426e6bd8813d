-- Tests: crisisroom test FOLDER runs every tests/*.lua.

test("containing on turn 1 ends well", function(t)
  t:start{ seed = 1 }
  t:cmd("choose alert contain -- stop it now")
  t:cmd("end")                             -- lead ends its move
  t:cmd("end")                             -- exec ends; turn 2 begins
  t:play("first")                          -- finish the game with the first options
  t:eq(t:ending(), "good", "ending")
  t:check(t.g:chosen("press.statement"), "the statement was possible")
end)
