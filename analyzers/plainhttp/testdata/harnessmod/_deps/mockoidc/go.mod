module github.com/oauth2-proxy/mockoidc

go 1.22
