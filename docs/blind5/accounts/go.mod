module example.com/blind5/accounts

go 1.26.0

require (
	github.com/go-resty/resty/v2 v2.17.2
	github.com/go-sql-driver/mysql v1.11.0
	github.com/golang-jwt/jwt/v5 v5.3.1
	golang.org/x/crypto v0.59.0
	golang.org/x/oauth2 v0.38.0
)

require (
	filippo.io/edwards25519 v1.2.0 // indirect
	golang.org/x/net v0.62.0 // indirect
)
