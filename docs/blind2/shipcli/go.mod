module example.org/shipcli

go 1.22
