module example.com/videos

go 1.22
