module example.com/blind10/buildhooks

go 1.22

require (
	github.com/coreos/go-oidc/v3 v3.11.0
	github.com/golang-jwt/jwt/v5 v5.2.1
)

require (
	github.com/go-jose/go-jose/v4 v4.0.2 // indirect
	golang.org/x/crypto v0.25.0 // indirect
	golang.org/x/oauth2 v0.21.0 // indirect
)
