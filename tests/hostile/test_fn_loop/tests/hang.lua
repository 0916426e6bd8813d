test("hangs", function(t)
  t:start{ seed = 1 }
  while true do end
end)
