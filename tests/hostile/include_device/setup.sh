# Run in a copy of this folder before the test.
ln -s /dev/zero dev.lua
