# Run in a copy of this folder before the test.
for i in $(seq 1 1001); do echo 'local x = 1' > f$i.lua; done
