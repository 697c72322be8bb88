module example.org/notifyd

go 1.22
