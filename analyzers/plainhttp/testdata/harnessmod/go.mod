module example.com/svc

go 1.22

require (
	github.com/acme/contest v0.0.0
	github.com/oauth2-proxy/mockoidc v0.0.0
	github.com/ory/dockertest/v3 v3.0.0
	github.com/stretchr/testify v1.0.0
)

replace (
	github.com/acme/contest => ./_deps/contest
	github.com/oauth2-proxy/mockoidc => ./_deps/mockoidc
	github.com/ory/dockertest/v3 => ./_deps/dockertest
	github.com/stretchr/testify => ./_deps/testify
)
