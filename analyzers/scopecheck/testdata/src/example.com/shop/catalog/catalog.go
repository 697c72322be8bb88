package catalog // want package:"analyzed"

import (
	"example.com/shop/auth"
	"example.com/shop/handlers"
	"github.com/go-chi/chi/v5"
)

// Register adds the catalog routes to a router it is given; the
// middleware on that router is known only to the caller.
func Register(r chi.Router, h *handlers.Handler) { // want Register:"routes\\(0:/catalog/{id}->Handler.DeleteProduct\\)"
	r.Delete("/catalog/{id}", h.DeleteProduct)
	r.With(auth.Guard("catalog:read")).Get("/catalog", h.ListProducts) // authorized here: not passed on
}
