module example.com/blind11/ledgerpay

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/gorilla/mux v1.8.1
	github.com/rs/zerolog v1.33.0
	golang.org/x/crypto v0.26.0
)

require (
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.19 // indirect
	golang.org/x/sys v0.23.0 // indirect
)
