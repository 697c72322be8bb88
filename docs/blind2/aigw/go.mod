module example.org/aigw

go 1.22
