module example.org/designsync

go 1.22
