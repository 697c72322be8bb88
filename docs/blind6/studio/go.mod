module example.com/blind6/studio

go 1.26.0

require (
	github.com/go-chi/chi/v5 v5.5.0
	golang.org/x/crypto v0.59.0
)
