module example.com/blind11/pingwire

go 1.22

require (
	github.com/go-jose/go-jose/v4 v4.0.4
	github.com/gorilla/websocket v1.5.3
	github.com/julienschmidt/httprouter v1.3.0
)

require golang.org/x/crypto v0.25.0 // indirect
