// Package server wires the bookmark manager's handlers through its own
// adapter.
package server

import (
	"net/http"

	"blind/bookmarks/api"
	"blind/bookmarks/model"
	"blind/bookmarks/mw"
)

type webContext struct {
	w   http.ResponseWriter
	r   *http.Request
	acc *model.Account
}

func (c *webContext) Request() *http.Request              { return c.r }
func (c *webContext) ResponseWriter() http.ResponseWriter { return c.w }
func (c *webContext) GetAccount() *model.Account          { return c.acc }
func (c *webContext) SetAccount(a *model.Account)         { c.acc = a }
func (c *webContext) UserIsLogged() bool                  { return c.acc != nil }

func ToHTTP(deps model.Deps, h model.Handler, mws ...model.Middleware) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &webContext{w: w, r: r}
		for _, m := range mws {
			if err := m.OnRequest(deps, c); err != nil {
				http.Error(w, "error", http.StatusInternalServerError)
				return
			}
		}
		h(deps, c)
	}
}

func Routes(deps model.Deps) *http.ServeMux {
	mux := http.NewServeMux()
	mws := []model.Middleware{mw.Auth{}}
	mux.HandleFunc("DELETE /api/tags/{id}", ToHTTP(deps, api.DeleteTag, mws...)) // POS:ctx-deltag
	mux.HandleFunc("PUT /api/tags/{id}", ToHTTP(deps, api.RenameTag, mws...))
	mux.HandleFunc("DELETE /api/accounts/{id}", ToHTTP(deps, api.DeleteAccount, mws...)) // POS:ctx-delacct
	mux.HandleFunc("PATCH /api/me", ToHTTP(deps, api.UpdateMe, mws...))
	return mux
}
