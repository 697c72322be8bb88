module example.org/vidclient

go 1.22
