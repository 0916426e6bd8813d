local t = setmetatable({}, { __close = function() while true do end end })
test("closes", function()
  local x <close> = t
  error("boom")
end)
