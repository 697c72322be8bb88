module example.com/blind9/canvasly

go 1.22

require (
	github.com/coreos/go-oidc/v3 v3.11.0
	github.com/go-chi/chi/v5 v5.1.0
	github.com/go-resty/resty/v2 v2.16.5
	github.com/rs/zerolog v1.33.0
	golang.org/x/oauth2 v0.22.0
)

require (
	github.com/go-jose/go-jose/v4 v4.0.2 // indirect
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.19 // indirect
	golang.org/x/crypto v0.31.0 // indirect
	golang.org/x/net v0.33.0 // indirect
	golang.org/x/sys v0.28.0 // indirect
)
