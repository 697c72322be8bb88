module example.com/blind9/textline

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/gorilla/mux v1.8.1
	golang.org/x/oauth2 v0.22.0
)
