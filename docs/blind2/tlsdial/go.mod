module example.org/tlsdial

go 1.22
