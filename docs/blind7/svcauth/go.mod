module example.com/blind7/svcauth

go 1.26.0

require (
	github.com/go-jose/go-jose/v3 v3.0.5
	github.com/go-jose/go-jose/v4 v4.1.9
	golang.org/x/oauth2 v0.38.0
)

require golang.org/x/crypto v0.19.0 // indirect
