module example.com/blind11/reelpress

go 1.22
