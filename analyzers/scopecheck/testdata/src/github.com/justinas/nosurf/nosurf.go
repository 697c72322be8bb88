// Package nosurf is a stub of github.com/justinas/nosurf.
package nosurf

import "net/http"

type CSRFHandler struct{ next http.Handler }

func New(h http.Handler) *CSRFHandler { return &CSRFHandler{next: h} }

func (c *CSRFHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { c.next.ServeHTTP(w, r) }

func NewPure(h http.Handler) http.Handler { return New(h) }
