module example.com/blind8/figplug

go 1.26.0

require (
	github.com/go-kit/log v0.2.1
	github.com/gorilla/sessions v1.4.0
	golang.org/x/oauth2 v0.38.0
)

require (
	github.com/go-logfmt/logfmt v0.5.1 // indirect
	github.com/gorilla/securecookie v1.1.2 // indirect
)
