module example.com/blind5/payments

go 1.26.0

require (
	github.com/go-resty/resty/v2 v2.17.2
	github.com/lib/pq v1.12.3
)

require golang.org/x/net v0.43.0 // indirect
