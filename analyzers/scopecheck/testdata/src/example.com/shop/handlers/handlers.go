package handlers // want package:"analyzed"

import (
	"encoding/json"
	"net/http"

	"example.com/shop/auth"
	"example.com/shop/billing"
	"example.com/shop/store"
)

type Handler struct{ Store *store.Store }

// DeleteProduct relies on the router's middleware: judged at the route.
func (h *Handler) DeleteProduct(w http.ResponseWriter, r *http.Request) { // want DeleteProduct:"work"
	h.Store.DeleteProduct(r.PathValue("id"))
}

func (h *Handler) ListProducts(w http.ResponseWriter, r *http.Request) { // want ListProducts:"work"
	json.NewEncoder(w).Encode(h.Store.Products())
}

// MyOrders works on the caller's own orders: ownership.
func (h *Handler) MyOrders(w http.ResponseWriter, r *http.Request) { // want MyOrders:"owns" MyOrders:"work" MyOrders:"asks the caller"
	c := auth.FromContext(r.Context())
	json.NewEncoder(w).Encode(h.Store.OrdersFor(c.Subject))
}

// AdminPurge authenticates itself through auth.ParseBearer (a fact from
// another package) and authorizes nothing.
func (h *Handler) AdminPurge(w http.ResponseWriter, r *http.Request) { // want `handler Handler.AdminPurge authenticates the caller \(auth.ParseBearer \(jwt.ParseWithClaims\)\) but never checks a scope, role or permission before it calls Store.Products` AdminPurge:"authenticates" AdminPurge:"work"
	if _, err := auth.ParseBearer(r); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	for id := range h.Store.Products() {
		h.Store.DeleteProduct(id)
	}
}

// Refund authenticates itself and authorizes through auth.Allow, whose
// AuthorizesFact comes from the auth package: silent.
func (h *Handler) Refund(w http.ResponseWriter, r *http.Request) { // want Refund:"authenticates" Refund:"authorizes" Refund:"work"
	c, err := auth.ParseBearer(r)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if auth.Allow(c, "refunds:write") != nil {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	h.Store.Refund(r.PathValue("order"))
}

type Billing struct{ Service billing.Service }

// VoidInvoice relies on the service behind the interface to check the
// caller's scopes: silent at its route.
func (b *Billing) VoidInvoice(w http.ResponseWriter, r *http.Request) { // want VoidInvoice:"authorizes" VoidInvoice:"work"
	if err := b.Service.Void(r.Context(), r.PathValue("id")); err != nil {
		w.WriteHeader(http.StatusForbidden)
	}
}

// ExportInvoices calls a method whose implementation checks nothing.
func (b *Billing) ExportInvoices(w http.ResponseWriter, r *http.Request) { // want ExportInvoices:"work"
	all, _ := b.Service.Export(r.Context())
	json.NewEncoder(w).Encode(all)
}
