package router // want package:"analyzed"

import (
	"net/http"

	"example.com/shop/auth"
	"example.com/shop/billing"
	"example.com/shop/catalog"
	"example.com/shop/handlers"
	"example.com/shop/store"
	"github.com/go-chi/chi/v5"
)

// New wires the shop's API. Every verdict here rests on facts from the
// auth and handlers packages.
func New(s *store.Store) http.Handler {
	h := &handlers.Handler{Store: s}
	r := chi.NewRouter()
	r.Post("/admin/purge", h.AdminPurge) // silent here: the handler authenticates itself and is reported at its declaration
	r.Group(func(r chi.Router) {
		r.Use(auth.Authenticate)
		r.Delete("/products/{id}", h.DeleteProduct)                          // want `route "/products/{id}" is registered under authenticating middleware auth.Authenticate \(jwt.ParseWithClaims in ParseBearer\) but neither a middleware nor its handler Handler.DeleteProduct checks a scope, role or permission`
		r.With(auth.Guard("products:read")).Get("/products", h.ListProducts) // silent: Guard authorizes (its MiddlewareFact)
		r.Get("/me/orders", h.MyOrders)                                      // silent: ownership
		r.Post("/orders/{order}/refund", h.Refund)                           // silent: the handler authorizes
		b := &handlers.Billing{Service: billing.New()}
		r.Delete("/invoices/{id}", b.VoidInvoice) // silent: the service behind the interface checks the scope
		r.Get("/invoices", b.ExportInvoices)      // want `route "/invoices" is registered under authenticating middleware auth.Authenticate`
		catalog.Register(r, h)                    // want `route "/catalog/{id}" registered by catalog.Register is under authenticating middleware auth.Authenticate`
	})
	public := chi.NewRouter()
	catalog.Register(public, h) // silent: nothing authenticates on this router
	r.Mount("/public", public)
	return r
}
