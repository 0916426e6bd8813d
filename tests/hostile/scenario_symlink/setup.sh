# Run in a copy of this folder before the test.
cp scenario.lua ../outside.lua && rm scenario.lua && ln -s ../outside.lua scenario.lua
