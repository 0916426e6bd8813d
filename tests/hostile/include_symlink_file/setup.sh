# Run in a copy of this folder before the test.
ln -s /etc/passwd link.lua
