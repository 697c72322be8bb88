module example.org/payhook

go 1.22
