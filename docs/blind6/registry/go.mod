module example.com/blind6/registry

go 1.26.0

require (
	github.com/gorilla/mux v1.8.1
	github.com/julienschmidt/httprouter v1.3.0
)
