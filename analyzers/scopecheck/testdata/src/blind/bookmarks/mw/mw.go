// Package mw authenticates requests of the bookmark manager.
package mw

import (
	"errors"
	"net/http"
	"strings"

	"blind/bookmarks/model"
)

type Auth struct{}

// OnRequest stores the account when the token is valid.
func (Auth) OnRequest(deps model.Deps, c model.WebContext) error {
	tok := strings.TrimPrefix(c.Request().Header.Get("Authorization"), "Bearer ")
	if tok == "" {
		return nil
	}
	acc, err := deps.CheckToken(tok)
	if err != nil {
		return nil
	}
	c.SetAccount(acc)
	return nil
}

func RequireUser(deps model.Deps, c model.WebContext) error {
	if !c.UserIsLogged() {
		http.Error(c.ResponseWriter(), "login required", http.StatusUnauthorized)
		return errors.New("login required")
	}
	return nil
}

func RequireOwner(deps model.Deps, c model.WebContext) error {
	if err := RequireUser(deps, c); err != nil {
		return err
	}
	if !c.GetAccount().IsOwner() {
		http.Error(c.ResponseWriter(), "owner required", http.StatusForbidden)
		return errors.New("owner required")
	}
	return nil
}
