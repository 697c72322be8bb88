// Package model holds the web context of a bookmark manager whose
// handlers get a context object instead of (w, r).
package model

import "net/http"

type Account struct {
	ID    int
	Name  string
	Owner bool
}

func (a *Account) IsOwner() bool { return a != nil && a.Owner }

type WebContext interface {
	Request() *http.Request
	ResponseWriter() http.ResponseWriter
	GetAccount() *Account
	SetAccount(*Account)
	UserIsLogged() bool
}

type Deps interface {
	Accounts() AccountRepo
	Tags() TagRepo
	CheckToken(token string) (*Account, error)
}

type AccountRepo interface {
	Update(a *Account) error
	Delete(id int) error
}

type TagRepo interface {
	Delete(id int) error
	Rename(id int, name string) error
}

type Handler func(deps Deps, c WebContext)

type Middleware interface {
	OnRequest(deps Deps, c WebContext) error
}
