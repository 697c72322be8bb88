module example.com/blind11/canvasplug

go 1.22

require (
	github.com/coreos/go-oidc/v3 v3.11.0
	github.com/go-chi/chi/v5 v5.1.0
	go.uber.org/zap v1.27.0
	golang.org/x/oauth2 v0.22.0
)

require (
	github.com/go-jose/go-jose/v4 v4.0.2 // indirect
	go.uber.org/multierr v1.10.0 // indirect
	golang.org/x/crypto v0.25.0 // indirect
)
