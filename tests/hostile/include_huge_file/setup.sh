# Run in a copy of this folder before the test.
head -c 5000000 /dev/zero | tr '\0' ' ' > big.lua
