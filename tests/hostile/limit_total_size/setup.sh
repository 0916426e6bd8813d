# Run in a copy of this folder before the test.
for i in 1 2 3 4 5; do head -c 4000000 /dev/zero | tr '\0' ' ' > part$i.lua; done
